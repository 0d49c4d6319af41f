-- Schema v1. Times are UTC RFC 3339 strings with milliseconds.

CREATE TABLE projects (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A relative path is relative to the data directory, so the default host
-- follows the data directory if it moves.
CREATE TABLE storage_hosts (
    name        TEXT PRIMARY KEY,
    path        TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A folder's data lives at <host root>/<id>/; the name is metadata only.
CREATE TABLE folders (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    host        TEXT NOT NULL REFERENCES storage_hosts (name),
    usage_mode  TEXT NOT NULL CHECK (usage_mode IN ('general', 'model', 'data')),
    permission  TEXT NOT NULL CHECK (permission IN ('rw', 'ro')),
    type        TEXT NOT NULL CHECK (type IN ('user', 'project')),
    project_id  TEXT REFERENCES projects (id),
    status      TEXT NOT NULL CHECK (status IN ('ready', 'trashed')),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    trashed_at  TEXT,
    size_bytes  INTEGER,
    size_at     TEXT,
    CHECK ((type = 'project') = (project_id IS NOT NULL))
);
CREATE UNIQUE INDEX folders_user_name ON folders (name) WHERE type = 'user';
CREATE UNIQUE INDEX folders_project_name ON folders (project_id, name) WHERE type = 'project';

CREATE TABLE sessions (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    project_id    TEXT NOT NULL REFERENCES projects (id),
    type          TEXT NOT NULL CHECK (type IN ('interactive', 'batch')),
    image         TEXT NOT NULL,
    spec_json     TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('PENDING', 'PULLING', 'PREPARING', 'RUNNING',
                                                  'TERMINATING', 'TERMINATED', 'ERROR')),
    status_reason TEXT,
    exit_code     INTEGER,
    container_id  TEXT,
    scratch_dir   TEXT,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ended_at      TEXT
);
CREATE INDEX sessions_status ON sessions (status);

CREATE TABLE session_status_history (
    session_id  TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    reason      TEXT,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX session_status_history_session ON session_status_history (session_id);

-- No foreign key to folders: a purged folder leaves its sessions' history.
CREATE TABLE session_mounts (
    session_id  TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    folder_id   TEXT NOT NULL,
    folder_name TEXT NOT NULL,
    target      TEXT NOT NULL,
    read_only   INTEGER NOT NULL CHECK (read_only IN (0, 1)),
    PRIMARY KEY (session_id, target)
);
CREATE INDEX session_mounts_folder ON session_mounts (folder_id);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
