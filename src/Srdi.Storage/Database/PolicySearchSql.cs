namespace Srdi.Storage.Database;

/// <summary>The full-text parts of the policy search that EF Core does not model, run by each
/// provider's <c>PolicySearch</c> migration after the generated steps (and undone before them).
/// Kept here so that a regenerated migration only needs its two lines
/// <c>foreach (var sql in PolicySearchSql.SqliteUp) migrationBuilder.Sql(sql);</c> back.</summary>
public static class PolicySearchSql
{
    /// <summary>The SQLite FTS5 table over <c>PolicyTexts</c> (external content: it stores only
    /// the index, reading text from <c>PolicyTexts</c> by <c>Position</c>).</summary>
    public const string SqliteTable = "PolicyTextsSearch";

    /// <summary>SQLite: an FTS5 table with the trigram tokenizer (any three consecutive characters
    /// are a token, so Chinese needs no word segmenter; a query of fewer than three characters
    /// matches nothing and is answered with LIKE instead), and triggers that keep it in step with
    /// every insert, update and delete on <c>PolicyTexts</c>.</summary>
    public static IReadOnlyList<string> SqliteUp { get; } =
    [
        """
        CREATE VIRTUAL TABLE "PolicyTextsSearch" USING fts5(
            "DocumentTitle", "Title", "Text",
            content='PolicyTexts', content_rowid='Position', tokenize='trigram');
        """,
        """
        CREATE TRIGGER "PolicyTexts_AfterInsert" AFTER INSERT ON "PolicyTexts" BEGIN
            INSERT INTO "PolicyTextsSearch"(rowid, "DocumentTitle", "Title", "Text")
            VALUES (new."Position", new."DocumentTitle", new."Title", new."Text");
        END;
        """,
        """
        CREATE TRIGGER "PolicyTexts_AfterDelete" AFTER DELETE ON "PolicyTexts" BEGIN
            INSERT INTO "PolicyTextsSearch"("PolicyTextsSearch", rowid, "DocumentTitle", "Title", "Text")
            VALUES ('delete', old."Position", old."DocumentTitle", old."Title", old."Text");
        END;
        """,
        """
        CREATE TRIGGER "PolicyTexts_AfterUpdate" AFTER UPDATE ON "PolicyTexts" BEGIN
            INSERT INTO "PolicyTextsSearch"("PolicyTextsSearch", rowid, "DocumentTitle", "Title", "Text")
            VALUES ('delete', old."Position", old."DocumentTitle", old."Title", old."Text");
            INSERT INTO "PolicyTextsSearch"(rowid, "DocumentTitle", "Title", "Text")
            VALUES (new."Position", new."DocumentTitle", new."Title", new."Text");
        END;
        """,
    ];

    public static IReadOnlyList<string> SqliteDown { get; } =
    [
        """DROP TRIGGER IF EXISTS "PolicyTexts_AfterUpdate";""",
        """DROP TRIGGER IF EXISTS "PolicyTexts_AfterDelete";""",
        """DROP TRIGGER IF EXISTS "PolicyTexts_AfterInsert";""",
        """DROP TABLE IF EXISTS "PolicyTextsSearch";""",
    ];

    /// <summary>PostgreSQL: pg_trgm (a trusted extension: the database's owner may create it) and
    /// a GIN trigram index on the three searched columns, which ILIKE '%…%' uses for patterns of
    /// three or more characters. pg_trgm takes trigrams only from "word" characters, which it
    /// judges by the database's LC_CTYPE: under C (initdb --no-locale) Chinese yields none and the
    /// index cannot narrow a Chinese pattern (ILIKE still answers correctly, reading every row);
    /// under C.UTF-8 or zh_CN.UTF-8 it does (docs/storage.md).</summary>
    public static IReadOnlyList<string> PostgresUp { get; } =
    [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
        """
        CREATE INDEX "IX_PolicyTexts_Trigram" ON "PolicyTexts"
            USING gin ("DocumentTitle" gin_trgm_ops, "Title" gin_trgm_ops, "Text" gin_trgm_ops);
        """,
    ];

    /// <summary>Drops the index; the extension stays (other objects may use it).</summary>
    public static IReadOnlyList<string> PostgresDown { get; } =
    [
        """DROP INDEX IF EXISTS "IX_PolicyTexts_Trigram";""",
    ];
}
