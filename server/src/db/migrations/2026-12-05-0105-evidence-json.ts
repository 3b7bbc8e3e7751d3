import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen. `flags.evidence` changes from the hand-made text `indicator:qualifying:id,id;…`
// (rules sorted by indicator, '' for none) to JSON made by the database's own JSON
// functions: `[{"indicator": …, "qualifying": n, "signal_ids": [id, …]}, …]`, same order.
// Indicator names are contract identifiers ([a-z0-9_]), so they need no escaping here.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql`update flags set evidence = '[]' where evidence = ''`.execute(db);
  if (pg) {
    await sql`
      update flags set evidence = (
        select json_agg(json_build_object(
          'indicator', split_part(part, ':', 1),
          'qualifying', split_part(part, ':', 2)::integer,
          'signal_ids', coalesce((select json_agg(id::bigint order by o) from unnest(string_to_array(nullif(split_part(part, ':', 3), ''), ',')) with ordinality i(id, o)), '[]'::json))
          order by n)::text
        from unnest(string_to_array(evidence, ';')) with ordinality p(part, n))
      where evidence <> '[]'`.execute(db);
    return;
  }
  await sql`
    update flags set evidence = (
      select json_group_array(json_object('indicator', indicator, 'qualifying', cast(substr(rest, 1, instr(rest, ':') - 1) as integer),
        'signal_ids', json('[' || substr(rest, instr(rest, ':') + 1) || ']')))
      from (
        select substr(p.value, 1, instr(p.value, ':') - 1) as indicator, substr(p.value, instr(p.value, ':') + 1) as rest
        from json_each('["' || replace(flags.evidence, ';', '","') || '"]') p order by p.key))
    where evidence <> '[]'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    await sql`
      update flags set evidence = coalesce((
        select string_agg(r->>'indicator' || ':' || (r->>'qualifying') || ':' ||
          coalesce((select string_agg(i::text, ',' order by o) from json_array_elements_text(r->'signal_ids') with ordinality x(i, o)), ''), ';' order by n)
        from json_array_elements(evidence::json) with ordinality e(r, n)), '')`.execute(db);
    return;
  }
  await sql`
    update flags set evidence = coalesce((
      select group_concat(indicator || ':' || qualifying || ':' || ids, ';') from (
        select json_extract(r.value, '$.indicator') as indicator, json_extract(r.value, '$.qualifying') as qualifying,
          coalesce((select group_concat(i.value, ',') from json_each(r.value, '$.signal_ids') i), '') as ids
        from json_each(flags.evidence) r order by r.key)), '')`.execute(db);
}
