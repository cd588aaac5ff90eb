-- Workshop rooms (an instructor's class) and the people who joined them. The instructor's key is kept only as
-- its SHA-256 (hex). A room's join code is unique among rooms not ended (checked by the service). Participants
-- are kept with their results after they leave or are removed; nickname_key (the nickname in lower case) is set
-- only while they take part, so that nicknames are unique among the active ones of a room.
CREATE TABLE workshop_room (
    id              VARCHAR(36)    PRIMARY KEY,
    code            VARCHAR(6)     NOT NULL,
    title           VARCHAR(120)   NOT NULL,
    language        VARCHAR(8)     NOT NULL,
    pages           VARCHAR(200)   NOT NULL,
    max_epochs      INTEGER        NOT NULL,
    max_parameters  BIGINT         NOT NULL,
    key_hash        VARCHAR(64)    NOT NULL,
    state           VARCHAR(8)     NOT NULL,
    announcement    VARCHAR(500),
    follow_route    VARCHAR(200),
    setup_json      TEXT,
    created_at      TIMESTAMP      NOT NULL,
    ended_at        TIMESTAMP
);
CREATE INDEX workshop_room_code ON workshop_room (code);
CREATE INDEX workshop_room_ended ON workshop_room (ended_at);

CREATE TABLE workshop_participant (
    id              VARCHAR(36)    PRIMARY KEY,
    room_id         VARCHAR(36)    NOT NULL REFERENCES workshop_room (id) ON DELETE CASCADE,
    owner           VARCHAR(64)    NOT NULL,
    nickname        VARCHAR(24)    NOT NULL,
    nickname_key    VARCHAR(24),
    status          VARCHAR(8)     NOT NULL,
    joined_at       TIMESTAMP      NOT NULL,
    runs_finished   INTEGER        DEFAULT 0 NOT NULL,
    best_accuracy   DOUBLE PRECISION,
    best_network    VARCHAR(200),
    best_at         TIMESTAMP,
    CONSTRAINT workshop_participant_owner UNIQUE (room_id, owner),
    CONSTRAINT workshop_participant_nickname UNIQUE (room_id, nickname_key)
);
CREATE INDEX workshop_participant_by_owner ON workshop_participant (owner);
