-- Schema v2: the host ports a session's published ports landed on.
ALTER TABLE sessions ADD COLUMN published_ports_json TEXT NOT NULL DEFAULT '[]';
