using Microsoft.EntityFrameworkCore;
using Npgsql;
using Srdi.Model.Policies;
using Srdi.Storage.Database;
using Srdi.Storage.Search;

namespace Srdi.Storage.Tests;

/// <summary>The policy search on each database, over the shipped catalog. Every expected answer is
/// computed by scanning the catalog's texts, the way <see cref="Expected"/> says a query matches.</summary>
public abstract class PolicySearchTests : StorageTests
{
    protected static IReadOnlyList<(PolicyDocument Document, Measure Measure)> All { get; } =
        Navigator.Catalog.Documents.SelectMany(d => d.Measures.Select(m => (d, m))).ToList();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Assert.True(await Search().RefreshAsync());
    }

    /// <summary>The measures the query should find: every term in the document's title, the
    /// measure's title or its clause text (ASCII case ignored).</summary>
    protected static HashSet<string> Expected(string query, IEnumerable<(PolicyDocument Document, Measure Measure)>? catalog = null)
    {
        var terms = PolicySearch.Terms(query);
        return (catalog ?? All)
            .Where(x => terms.Count > 0 && terms.All(t => new[] { x.Document.Title, x.Measure.Title, x.Measure.Text }.Any(f => f.Contains(t, StringComparison.OrdinalIgnoreCase))))
            .Select(x => x.Measure.Id).ToHashSet(StringComparer.Ordinal);
    }

    protected async Task<List<string>> IdsAsync(string query, PolicySearch? search = null) =>
        (await (search ?? Search()).SearchAsync(query)).Select(h => h.MeasureId).ToList();

    [Theory]
    [InlineData("贷款")]
    [InlineData("租金")]
    [InlineData("贴息")]
    public async Task Search_TwoCharacters_FindsExactlyTheMeasuresThatContainThem(string query)
    {
        var expected = Expected(query);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < All.Count, "the term should tell measures apart");
        Assert.Contains(All, x => expected.Contains(x.Measure.Id) && x.Measure.Text.Contains(query, StringComparison.Ordinal));

        var hits = await Search().SearchAsync(query);

        Assert.Equal(expected.Order(StringComparer.Ordinal), hits.Select(h => h.MeasureId).Order(StringComparer.Ordinal));
        Assert.Equal(hits.Count, hits.Select(h => h.MeasureId).Distinct(StringComparer.Ordinal).Count());
        // Where the clause text has the term, the snippet marks it.
        foreach (var hit in hits.Where(h => All.Single(x => x.Measure.Id == h.MeasureId).Measure.Text.Contains(query, StringComparison.Ordinal)))
            Assert.Contains(hit.Snippet, p => p.Match && p.Text == query);
    }

    [Fact]
    public async Task Search_PhraseCopiedFromAClause_FindsThatMeasureFirst()
    {
        var checkedMeasures = 0;
        foreach (var (_, measure) in All.Where((_, i) => i % 5 == 0))
        {
            if (UniquePhrase(measure, length: 6) is not { } phrase) continue;
            checkedMeasures++;

            var hits = await Search().SearchAsync(phrase);

            Assert.NotEmpty(hits);
            Assert.Equal(measure.Id, hits[0].MeasureId);
            Assert.Equal(Expected(phrase).Order(StringComparer.Ordinal), hits.Select(h => h.MeasureId).Order(StringComparer.Ordinal));
            Assert.Contains(hits[0].Snippet, p => p.Match && string.Equals(p.Text, phrase, StringComparison.OrdinalIgnoreCase));
        }
        Assert.True(checkedMeasures >= 5, "the catalog should have clauses with phrases of their own");
    }

    [Fact]
    public async Task Search_PhraseOfADocumentTitle_FindsEveryMeasureOfThatDocument()
    {
        foreach (var document in Navigator.Catalog.Documents)
        {
            var expected = Expected(document.Title);
            Assert.Subset(expected, document.Measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));

            var ids = await IdsAsync(document.Title);

            Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("量子引力火星基地")]
    [InlineData("量子")]
    [InlineData("贷款 量子引力")]
    [InlineData("")]
    [InlineData("   \t ")]
    public async Task Search_NothingMatches_IsEmpty(string query)
    {
        Assert.Empty(Expected(query));

        Assert.Empty(await Search().SearchAsync(query));
    }

    [Theory]
    [InlineData("租金 补贴", "补贴")]
    [InlineData("小巨人 补贴", "补贴")]
    [InlineData("小巨人 奖励 一次性", "奖励")]
    public async Task Search_SeveralTerms_FindsTheMeasuresWithAllOfThem(string query, string wider)
    {
        var expected = Expected(query);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < Expected(wider).Count);

        var ids = await IdsAsync(query);

        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "\"", "'", "%", "_", "*", "\\", "AND OR NOT", "NEAR(", "NEAR(贷款 租金)", "\"贷款\" OR \"", "租金*", "-租金", "^租金", "贷款:",
        "{Text}: 租金", "100%", "1_0", "%贷款%", "'; DROP TABLE \"PolicyTexts\"; --", "\0", "\u0001贷款\u0007", "贷款\0租金", "\uD800", "租\uDC00金",
        new string('贷', 5000), string.Concat(Enumerable.Repeat("租金 ", 2000)), new string('x', 100_000), string.Concat(Enumerable.Repeat("\"*", 500)),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Search_HostileQuery_AnswersWhatItContainsWithoutError(string query)
    {
        var ids = await IdsAsync(query);

        Assert.Equal(Expected(query).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.NotEmpty(await IdsAsync("租金"));
    }

    [Fact]
    public async Task Refresh_UnchangedCatalog_WritesNothing()
    {
        var counter = new CountingCommands();
        var watched = Search(new SrdiDbContextFactory(Provider, ConnectionString, o => o.AddInterceptors(counter)));

        Assert.False(await watched.RefreshAsync());
        Assert.False(await watched.RefreshAsync());

        Assert.Equal(0, counter.Writes);
        Assert.Equal(All.Count, await CountTextsAsync());
        // The counter sees writes: a changed catalog is written through the same interceptor.
        Assert.True(await watched.RefreshAsync(WithNewDocument(Navigator.Catalog, "测试用新增政策量子算力券"), CancellationToken.None));
        Assert.True(counter.Writes > 0);
    }

    [Fact]
    public async Task Refresh_DocumentAddedToTheCatalog_IsFoundAfterwards_AndRemovedWithIt()
    {
        const string phrase = "测试用新增政策量子算力券";
        Assert.Empty(Expected(phrase));
        var changed = WithNewDocument(Navigator.Catalog, phrase);

        Assert.True(await Search().RefreshAsync(changed, CancellationToken.None));

        Assert.Equal(["test-added-2026.1"], await IdsAsync(phrase));
        Assert.Equal(["test-added-2026.1"], await IdsAsync("量子"));
        var all = changed.Documents.SelectMany(d => d.Measures.Select(m => (d, m))).ToList();
        Assert.Equal(Expected("租金", all).Order(StringComparer.Ordinal), (await IdsAsync("租金")).Order(StringComparer.Ordinal));
        Assert.Equal(all.Count, await CountTextsAsync());
        Assert.False(await Search().RefreshAsync(changed, CancellationToken.None));

        Assert.True(await Search().RefreshAsync());

        Assert.Empty(await IdsAsync(phrase));
        Assert.Equal(All.Count, await CountTextsAsync());
    }

    [Fact]
    public async Task Refresh_ChangedClauseText_ReplacesTheOldText()
    {
        var (document, measure) = All[0];
        const string added = "新增的测试条文火星基地";
        var changed = Navigator.Catalog with
        {
            Documents = Navigator.Catalog.Documents.Select(d => d.Id != document.Id ? d : d with
            {
                Measures = d.Measures.Select(m => m.Id == measure.Id ? m with { Text = added } : m).ToList(),
            }).ToList(),
        };

        Assert.True(await Search().RefreshAsync(changed, CancellationToken.None));

        Assert.Equal([measure.Id], await IdsAsync("火星基地"));
        if (UniquePhrase(measure, length: 6) is { } old) Assert.Empty(await IdsAsync(old));
    }

    [Fact]
    public async Task Refresh_FailingPartWay_KeepsThePreviousCatalogWhole()
    {
        const string phrase = "测试用新增政策量子算力券";
        var failing = new FailingCommands(sql => sql.Contains("INSERT INTO \"PolicyTextSets\"", StringComparison.Ordinal));
        var search = Search(new SrdiDbContextFactory(Provider, ConnectionString, o => o.AddInterceptors(failing)));

        await Assert.ThrowsAsync<DbUpdateException>(() => search.RefreshAsync(WithNewDocument(Navigator.Catalog, phrase), CancellationToken.None));

        Assert.Equal(1, failing.Failures);
        Assert.Equal(All.Count, await CountTextsAsync());
        Assert.Empty(await IdsAsync(phrase));
        Assert.Equal(Expected("租金").Order(StringComparer.Ordinal), (await IdsAsync("租金")).Order(StringComparer.Ordinal));
        Assert.False(await Search().RefreshAsync());
    }

    [Fact]
    public async Task Start_MigratesAndFillsTheSearch()
    {
        await using (var db = Contexts.CreateDbContext()) await db.PolicyTexts.ExecuteDeleteAsync();
        await using (var db = Contexts.CreateDbContext()) await db.PolicyTextSets.ExecuteDeleteAsync();

        await Migrator(Contexts).StartAsync(CancellationToken.None);

        Assert.Equal(All.Count, await CountTextsAsync());
        Assert.NotEmpty(await IdsAsync("租金"));
    }

    [Fact]
    public void Terms_SplitAtWhiteSpaceAndControlCharacters_OnceEach_WithinTheLimits()
    {
        Assert.Equal(["贷款", "租金"], PolicySearch.Terms(" 贷款\u3000租金\0贷款\t"));
        Assert.Equal(PolicySearch.MaxQueryLength, PolicySearch.Terms(new string('贷', 5000)).Single().Length);
        Assert.Equal(PolicySearch.MaxTerms, PolicySearch.Terms(string.Join(' ', Enumerable.Range(0, 50).Select(i => "t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Count);
        Assert.Equal(["\uFFFD"], PolicySearch.Terms("\uD800"));
    }

    [Fact]
    public void Snippet_MarksEveryMatchInAWindowAroundTheFirst()
    {
        var text = new string('前', 50) + "贷款贴息和贷款" + new string('后', 200);

        var parts = PolicySearch.Snippet(text, ["贷款", "贴息"]);

        Assert.StartsWith("…", parts[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("…", parts[^1].Text, StringComparison.Ordinal);
        Assert.Equal(["贷款", "贴息", "贷款"], parts.Where(p => p.Match).Select(p => p.Text));
        Assert.Equal("贷款贴息和贷款", string.Concat(parts.SkipWhile(p => !p.Match).Take(4).Select(p => p.Text)));
    }

    protected async Task<int> CountTextsAsync()
    {
        await using var db = Contexts.CreateDbContext();
        return await db.PolicyTexts.CountAsync();
    }

    /// <summary>A phrase of the clause text that no other measure's searched text contains.</summary>
    private static string? UniquePhrase(Measure measure, int length)
    {
        var text = measure.Text;
        for (var start = text.Length / 3; start + length <= text.Length; start++)
        {
            var phrase = text.Substring(start, length);
            if (phrase.Any(c => char.IsWhiteSpace(c) || char.IsSurrogate(c))) continue;
            if (Expected(phrase).SetEquals([measure.Id])) return phrase;
        }
        return null;
    }

    private static PolicyCatalog WithNewDocument(PolicyCatalog catalog, string text)
    {
        var template = catalog.Documents[0];
        var measure = template.Measures[0] with { Id = "test-added-2026.1", DocumentId = "test-added-2026", Title = "测试新增措施", Text = text };
        var document = template with { Id = "test-added-2026", Title = "测试用新增政策文件", Measures = [measure] };
        return catalog with { Documents = [.. catalog.Documents, document] };
    }
}

public sealed class SqlitePolicySearchTests : PolicySearchTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    [Fact]
    public async Task Fts5Index_AgreesWithTheRows_AfterEveryRefresh()
    {
        await AssertIntegrityAsync();
        Assert.True(await Search().RefreshAsync(Navigator.Catalog with { Documents = Navigator.Catalog.Documents.Skip(1).ToList() }, CancellationToken.None));
        await AssertIntegrityAsync();
        Assert.True(await Search().RefreshAsync());
        await AssertIntegrityAsync();

        async Task AssertIntegrityAsync()
        {
            await using var db = Contexts.CreateDbContext();
            // FTS5's own check that the index holds exactly the content table's rows; it raises an
            // error (SQLITE_CORRUPT_VTAB) when they differ.
            await db.Database.ExecuteSqlRawAsync($"INSERT INTO \"{PolicySearchSql.SqliteTable}\"(\"{PolicySearchSql.SqliteTable}\", rank) VALUES ('integrity-check', 1)");
        }
    }
}

public sealed class PostgresPolicySearchTests : PolicySearchTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;

    [Fact]
    public async Task PgTrgm_TakesTrigramsFromChinese_AndTheIndexServesIlike()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var trigrams = new NpgsqlCommand("SELECT cardinality(show_trgm('专精特新企业'))", connection))
            Assert.True((int)(await trigrams.ExecuteScalarAsync())! > 0,
                "pg_trgm 未从中文中取出三元组：数据库的 LC_CTYPE 应为 C.UTF-8 或 zh_CN.UTF-8（.ci/with-postgres 的 initdb --locale）");
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN SELECT \"MeasureId\" FROM \"PolicyTexts\" WHERE \"Text\" ILIKE '%专精特新企业%'", connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        Assert.Contains(plan, line => line.Contains("IX_PolicyTexts_Trigram", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CLocaleDatabase_WhereTheIndexCannotHelp_StillFindsTheSameMeasures()
    {
        var server = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)!;
        var name = $"srdi_test_c_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", connection);
            await create.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        try
        {
            var contexts = new SrdiDbContextFactory(StorageProvider.Postgres, database);
            await Migrator(contexts).MigrateAsync();
            var search = Search(contexts);
            Assert.True(await search.RefreshAsync());
            foreach (var query in new[] { "租金", "专精特新企业", "贷款 贴息" })
                Assert.Equal(Expected(query).Order(StringComparer.Ordinal), (await IdsAsync(query, search)).Order(StringComparer.Ordinal));
        }
        finally
        {
            await using (var own = new NpgsqlConnection(database)) NpgsqlConnection.ClearPool(own);
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
