import { describe, expect, it } from 'vitest'
import { translateSql } from '../../db/pg/translate-sql.ts'

const t = (sql: string, kinds: ('int' | 'float' | 'other')[] = []) => translateSql(sql, kinds).text

describe('SQLite SQL translated for PostgreSQL', () => {
  it('numbers the parameters and casts the numeric ones', () => {
    expect(
      t('select * from "a" where "a"."id" = ? and "a"."name" = ? and x > ?', ['int', 'other', 'float']),
    ).toBe('select * from "a" where "a"."id" = $1::bigint and "a"."name" = $2 and x > $3::double precision')
  })

  it('leaves question marks and keywords inside string literals and identifiers alone', () => {
    expect(t(`select '? like ifnull(' from "like?" where a like ?`, ['other'])).toBe(
      `select '? like ifnull(' from "like?" where a ilike $1`,
    )
    expect(t("select 'it''s ?'")).toBe("select 'it''s ?'")
  })

  it('turns backtick identifiers into double-quoted ones', () => {
    expect(t('select `a` from `b`')).toBe('select "a" from "b"')
  })

  it('rewrites the functions whose spelling differs', () => {
    expect(t('select ifnull(a, 0), max(a, b), max(c), min(a, b, c) from x')).toBe(
      'select coalesce(a, 0), greatest(a, b), max(c), least(a, b, c) from x',
    )
    expect(t("select group_concat(version, '.') from v")).toBe(
      "select string_agg((version)::text, '.') from v",
    )
    expect(t('select group_concat(name) from v')).toBe("select string_agg((name)::text, ',') from v")
    expect(t("select json_extract(detail, '$.comment') is not null")).toBe(
      "select ((detail)::jsonb -> 'comment') is not null",
    )
    expect(t(`update e set detail = json_remove("e"."detail", '$.comment')`)).toBe(
      `update e set detail = (("e"."detail")::jsonb - 'comment')::text`,
    )
    expect(t('select round(avg(x) * 1.0, 1), round(y)')).toBe(
      'select round((avg(x) * 1.0)::numeric, 1)::double precision, round(y)',
    )
    expect(t('select cast(a / 2.0 as integer), cast(b as real), cast(c as text)')).toBe(
      'select trunc((a / 2.0)::double precision)::bigint, cast(b as double precision), cast(c as text)',
    )
  })

  it('rewrites calls nested inside other calls', () => {
    expect(t('select coalesce(max(a, ifnull(b, 1)), 0)')).toBe(
      'select coalesce(greatest(a, coalesce(b, 1)), 0)',
    )
  })

  it('orders NULLs as SQLite does: first ascending, last descending, unless the query says', () => {
    expect(t('select a from x order by "x"."a" asc, b desc, c, d nulls last limit ?', ['int'])).toBe(
      'select a from x order by "x"."a" asc nulls first, b desc nulls last, c nulls first, d nulls last limit $1::bigint',
    )
    expect(t('select (select y from z order by y desc limit 1) as m from x order by m')).toBe(
      'select (select y from z order by y desc nulls last limit 1) as m from x order by m nulls first',
    )
    expect(t('select row_number() over (order by a) from x')).toBe(
      'select row_number() over (order by a nulls first) from x',
    )
  })

  it('names the conflict target by bare column names', () => {
    expect(
      t('insert into "p" ("a", "b") values (?, ?) on conflict ("p"."a", "p"."b") do update set "b" = ?', [
        'int',
        'int',
        'int',
      ]),
    ).toBe('insert into "p" ("a", "b") values ($1, $2) on conflict ("a", "b") do update set "b" = $3::bigint')
  })

  it("gives an insert's row values no cast (the column types them), so nulls do not change its text", () => {
    const sql =
      'insert into "p" ("a", "b", "c") values (?, ?, (select max(n) + ? from q)), (?, ?, ?) returning "a"'
    const text =
      'insert into "p" ("a", "b", "c") values ($1, $2, (select max(n) + $3::bigint from q)), ($4, $5, $6) returning "a"'
    expect(t(sql, ['int', 'other', 'int', 'other', 'int', 'float'])).toBe(text)
    expect(t(sql, ['other', 'int', 'int', 'int', 'other', 'other'])).toBe(text)
    expect(t('insert into "p" ("a") select ? where ? is null', ['int', 'int'])).toBe(
      'insert into "p" ("a") select $1::bigint where $2::bigint is null',
    )
  })

  it('keeps the case of mixed-case aliases, which PostgreSQL would fold', () => {
    expect(t('select entity_id as entityId, cast(x AS TEXT) from a')).toBe(
      'select entity_id as "entityId", cast(x AS TEXT) from a',
    )
  })

  it('knows which statements return rows', () => {
    expect(translateSql('select 1').reader).toBe(true)
    expect(translateSql('with a as (select 1) select * from a').reader).toBe(true)
    expect(translateSql('insert into a (x) values (?) returning "id"').reader).toBe(true)
    expect(translateSql('update a set x = 1').reader).toBe(false)
    expect(translateSql('savepoint sp0').reader).toBe(false)
  })

  it('refuses what has no translation rather than running something else', () => {
    expect(() => t("select json_extract(d, '$.a.b')")).toThrow(/JSON path/)
    expect(() => t("select 1 where a glob 'x*'")).toThrow(/GLOB/)
  })
})
