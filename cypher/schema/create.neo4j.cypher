// Neo4j schema: one uniqueness constraint per label on id (which also backs
// every lookup by id), and one full-text index for search. Idempotent.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT state_id IF NOT EXISTS FOR (n:State) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT military_unit_id IF NOT EXISTS FOR (n:MilitaryUnit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT location_id IF NOT EXISTS FOR (n:Location) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT estimate_id IF NOT EXISTS FOR (n:Estimate) REQUIRE n.id IS UNIQUE;
CREATE INDEX statement_ordinal IF NOT EXISTS FOR (n:Statement) ON (n.ordinal);
CREATE INDEX source_content_hash IF NOT EXISTS FOR (n:Source) ON (n.contentHash);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE FULLTEXT INDEX search IF NOT EXISTS
FOR (n:Person|State|Organization|MilitaryUnit|Location|Event|Statement|Source)
ON EACH [n.name, n.search, n.text, n.title];
