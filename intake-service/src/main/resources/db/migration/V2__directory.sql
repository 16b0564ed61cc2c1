-- intake's copy of reporting-service's registry (jurisdictions and agencies), followed from the
-- change feed, so that intake can check agencies (and, with tokens, jurisdictions) while
-- reporting-service is down.
CREATE TABLE known_jurisdiction (
    code    char(6) PRIMARY KEY,
    name    text    NOT NULL,
    parent  char(6)
);

CREATE TABLE known_agency (
    code          char(18) PRIMARY KEY,
    name          text     NOT NULL,
    kind          text     NOT NULL,
    jurisdiction  char(6)  NOT NULL
);

CREATE TABLE directory_cursor (
    id         smallint PRIMARY KEY CHECK (id = 1),
    last_seq   bigint   NOT NULL
);
INSERT INTO directory_cursor (id, last_seq) VALUES (1, 0);
