-- The peer's schema: the part of the graph the bench's workloads read, as
-- PostgreSQL tables that PostGraphile turns into a GraphQL API.
--
-- Entities of every label share one table (a MENTIONS link may point at any
-- of them, and a foreign key can only reference one table); `label` tells
-- them apart. In the synthetic graph every statement has exactly one speaker
-- (MADE) and one source (REPORTED_IN), so those links are foreign-key
-- columns on `statement`; MENTIONS is many-to-many and gets a link table.
--
-- Names and ids must sort byte by byte, as LadybugDB sorts them, or the two
-- servers return the same rows in a different order. The cluster is created
-- with the C locale (postgres-cluster.ts), so every text column sorts that
-- way. Do not give one key column an explicit COLLATE "C": a join between
-- columns of different collations cannot use the other side's index (the
-- speaker's statements became a sequential scan, 2 s per nested page at M).

create table entity (
  id text primary key,
  label text not null,
  name text not null,
  aliases text[] not null default '{}',
  description text,
  category text,
  time_text text,
  date text,
  search text
);
-- people(first: N) is a keyset page on (name, id) within one label.
create index entity_label_name_id on entity (label, name, id);

create table source (
  id text primary key,
  title text,
  publisher text,
  url text,
  published_at text
);

create table statement (
  id text primary key,
  name text,
  text text,
  kind text not null,
  said_at text,
  ordinal bigint not null,
  -- MADE: the entity that made the statement.
  speaker_id text not null references entity (id),
  -- REPORTED_IN: the source that reports it.
  source_id text not null references source (id)
);
-- Backs the speaker's statements in (ordinal, id) order, as our API returns them.
create index statement_speaker_ordinal on statement (speaker_id, ordinal, id);
create index statement_source on statement (source_id);

-- MENTIONS: statement → entity.
create table mention (
  statement_id text not null references statement (id),
  entity_id text not null references entity (id),
  primary key (statement_id, entity_id)
);
create index mention_entity on mention (entity_id);

-- A statement's mentioned entities as a field of Statement (PostGraphile's
-- computed column), so the peer's query has the same shape as ours:
-- statement → mentions → entity, without a join-table level in between.
create function statement_mentions(s statement) returns setof entity as $$
  select e.* from mention m join entity e on e.id = m.entity_id where m.statement_id = s.id
$$ language sql stable;

-- Smart comments: readable field names and an orderBy argument on mentions.
comment on constraint statement_speaker_id_fkey on statement is E'@fieldName speaker\n@foreignFieldName statements';
comment on constraint statement_source_id_fkey on statement is E'@fieldName source\n@foreignFieldName statements';
comment on constraint mention_statement_id_fkey on mention is E'@fieldName statement\n@foreignFieldName mentionLinks';
comment on constraint mention_entity_id_fkey on mention is E'@fieldName entity\n@foreignFieldName mentionedInLinks';
comment on function statement_mentions(statement) is E'@sortable';

-- The statements that mention an entity, as a field of the entity (our
-- `mentionedIn`, and `statements(filter: { mentionsId })`), sortable so the
-- peer's query can ask for our order (ordinal, then id). Used by the
-- compared user mix (bench/peer/mix-peer.ts).
create function entity_mentioned_in(e entity) returns setof statement as $$
  select s.* from mention m join statement s on s.id = m.statement_id where m.entity_id = e.id
$$ language sql stable;
comment on function entity_mentioned_in(entity) is E'@sortable';
