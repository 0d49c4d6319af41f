import { Alert } from 'antd';
import type { Problem } from '../../api';

/** The problems of one step (or of all, on the last), in one alert. */
export function StepProblems({ problems, testId }: { problems: Problem[]; testId: string }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      style={{ marginBottom: 16 }}
      title={
        problems.length === 1 ? (
          problems[0]?.message
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {problems.map((problem, i) => (
              <li key={i} data-code={problem.code}>
                {problem.message}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}

/** The message of the first problem with one of `codes`, for a field's help line. */
export function fieldProblem(problems: Problem[], codes: string[]): string | undefined {
  return problems.find((problem) => codes.includes(problem.code))?.message;
}
