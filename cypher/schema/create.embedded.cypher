// Embedded (LadybugDB) schema: typed node tables and relationship tables.
// Relationship tables list FROM/TO groups where several labels take part.
// Must agree with src/model/graph-model.ts (checked by a test). Idempotent.
CREATE NODE TABLE IF NOT EXISTS Person(id STRING PRIMARY KEY, name STRING, aliases STRING[], description STRING, category STRING, timeText STRING, date STRING, externalIds STRING[], search STRING);
CREATE NODE TABLE IF NOT EXISTS State(id STRING PRIMARY KEY, name STRING, aliases STRING[], description STRING, category STRING, timeText STRING, date STRING, externalIds STRING[], search STRING);
CREATE NODE TABLE IF NOT EXISTS Organization(id STRING PRIMARY KEY, name STRING, aliases STRING[], description STRING, category STRING, timeText STRING, date STRING, externalIds STRING[], search STRING);
CREATE NODE TABLE IF NOT EXISTS MilitaryUnit(id STRING PRIMARY KEY, name STRING, aliases STRING[], description STRING, category STRING, timeText STRING, date STRING, externalIds STRING[], search STRING);
CREATE NODE TABLE IF NOT EXISTS Location(id STRING PRIMARY KEY, name STRING, aliases STRING[], description STRING, category STRING, timeText STRING, date STRING, externalIds STRING[], search STRING);
CREATE NODE TABLE IF NOT EXISTS Event(id STRING PRIMARY KEY, name STRING, aliases STRING[], description STRING, category STRING, timeText STRING, date STRING, externalIds STRING[], search STRING);
CREATE NODE TABLE IF NOT EXISTS Statement(id STRING PRIMARY KEY, name STRING, text STRING, kind STRING, hedge STRING, context STRING, timeText STRING, saidAt STRING, ordinal INT64, attribution STRING, evidence STRING, evidenceStart INT64, evidenceEnd INT64, search STRING);
CREATE NODE TABLE IF NOT EXISTS Source(id STRING PRIMARY KEY, name STRING, title STRING, publisher STRING, url STRING, publishedAt STRING, text STRING, contentHash STRING, search STRING);
CREATE NODE TABLE IF NOT EXISTS Estimate(id STRING PRIMARY KEY, name STRING, value DOUBLE, unit STRING, qualifier STRING, scope STRING, search STRING);
CREATE REL TABLE IF NOT EXISTS HOLDS_ROLE(FROM Person TO State, FROM Person TO Organization, title STRING, since STRING, until STRING);
CREATE REL TABLE IF NOT EXISTS PART_OF(FROM Organization TO State, FROM Organization TO Organization);
CREATE REL TABLE IF NOT EXISTS MADE(FROM Person TO Statement, FROM Organization TO Statement, FROM State TO Statement);
CREATE REL TABLE IF NOT EXISTS MENTIONS(FROM Statement TO Person, FROM Statement TO State, FROM Statement TO Organization, FROM Statement TO MilitaryUnit, FROM Statement TO Location, FROM Statement TO Event);
CREATE REL TABLE IF NOT EXISTS ADDRESSED_TO(FROM Statement TO Person, FROM Statement TO State, FROM Statement TO Organization, FROM Statement TO MilitaryUnit, FROM Statement TO Location, FROM Statement TO Event);
CREATE REL TABLE IF NOT EXISTS REPORTED_IN(FROM Statement TO Source, FROM Event TO Source, text STRING, evidence STRING, evidenceStart INT64, evidenceEnd INT64, attribution STRING);
CREATE REL TABLE IF NOT EXISTS BELONGS_TO(FROM MilitaryUnit TO State);
CREATE REL TABLE IF NOT EXISTS DEPLOYED_TO(FROM MilitaryUnit TO Location, FROM MilitaryUnit TO State, status STRING, asOf STRING);
CREATE REL TABLE IF NOT EXISTS TRAINED_BY(FROM MilitaryUnit TO State, FROM MilitaryUnit TO Organization, disciplines STRING[]);
CREATE REL TABLE IF NOT EXISTS LOCATED_IN(FROM Location TO State, FROM Location TO Location);
CREATE REL TABLE IF NOT EXISTS RELATION(FROM State TO State, FROM State TO Organization, FROM Organization TO State, FROM Organization TO Organization, kind STRING, since STRING, description STRING);
CREATE REL TABLE IF NOT EXISTS ESTIMATES(FROM Estimate TO Person, FROM Estimate TO State, FROM Estimate TO Organization, FROM Estimate TO MilitaryUnit, FROM Estimate TO Location, FROM Estimate TO Event);
CREATE REL TABLE IF NOT EXISTS ATTRIBUTED_TO(FROM Estimate TO Statement);
CREATE REL TABLE IF NOT EXISTS PARTICIPATED_IN(FROM Person TO Event, FROM State TO Event, FROM Organization TO Event, FROM MilitaryUnit TO Event, role STRING);
CREATE REL TABLE IF NOT EXISTS OCCURRED_IN(FROM Event TO Location, FROM Event TO State);
// Databases created before REPORTED_IN carried per-report evidence (issue 16)
// gain its columns here; on a new database these find them already there.
ALTER TABLE REPORTED_IN ADD IF NOT EXISTS text STRING;
ALTER TABLE REPORTED_IN ADD IF NOT EXISTS evidence STRING;
ALTER TABLE REPORTED_IN ADD IF NOT EXISTS evidenceStart INT64;
ALTER TABLE REPORTED_IN ADD IF NOT EXISTS evidenceEnd INT64;
ALTER TABLE REPORTED_IN ADD IF NOT EXISTS attribution STRING;
// Entity tables created before external identifiers (issue 16) gain the
// column here; on a new database these find it already there.
ALTER TABLE Person ADD IF NOT EXISTS externalIds STRING[];
ALTER TABLE State ADD IF NOT EXISTS externalIds STRING[];
ALTER TABLE Organization ADD IF NOT EXISTS externalIds STRING[];
ALTER TABLE MilitaryUnit ADD IF NOT EXISTS externalIds STRING[];
ALTER TABLE Location ADD IF NOT EXISTS externalIds STRING[];
ALTER TABLE Event ADD IF NOT EXISTS externalIds STRING[];
