using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Srdi.Application;
using Srdi.Application.Policies;
using Srdi.Model.Policies;
using Srdi.Storage.Database;
using Srdi.Storage.Entities;

namespace Srdi.Storage.Search;

/// <summary>A piece of a search hit's snippet: text around a match, or the matched text itself
/// (<see cref="Match"/>). Plain text: whoever shows it encodes it.</summary>
public sealed record SnippetPart(string Text, bool Match);

/// <summary>One measure a search found, with where in its clause text it matched.</summary>
public sealed record PolicySearchHit(string MeasureId, string DocumentId, IReadOnlyList<SnippetPart> Snippet);

/// <summary>A measure of the policy library's list: with its snippet when the list was searched.</summary>
public sealed record PolicyFound(PolicyDocument Document, Measure Measure, IReadOnlyList<SnippetPart>? Snippet);

/// <summary>Full-text search over the catalog's measures in the database: their document's title,
/// their title and their clause text (docs/storage.md, "Policy search"). The rows are copied from
/// the loaded catalog by <see cref="RefreshAsync(CancellationToken)"/> when the host starts.
/// <para>A query is split at white space into terms; a measure must contain every term
/// (substring, ASCII case ignored). On SQLite a term of three or more characters is looked up in
/// the FTS5 trigram table and the hits ranked by bm25; shorter terms, which trigrams cannot
/// answer, with LIKE. On PostgreSQL every term is an ILIKE, which the pg_trgm index serves;
/// ranked by terms found in the titles, then by how often the terms occur in the text. Ties, and
/// LIKE-only queries on SQLite ranked the same way, keep catalog order.</para>
/// <para>No text of the query reaches SQL but as a parameter, and FTS5 sees each term as one
/// quoted string, so no query (quotes, *, AND, NEAR(, %, _, control characters) is an error.</para>
/// Thread-safe: every call uses its own short-lived context.</summary>
public sealed class PolicySearch(IDbContextFactory<SrdiDbContext> contexts, PolicyNavigator navigator, TimeProvider clock)
{
    /// <summary>The id of the one <see cref="PolicyTextSet"/> row.</summary>
    public const string SetId = "catalog";

    /// <summary>Characters of a query that are searched; the rest is ignored.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Terms of a query that are searched; the rest are ignored.</summary>
    public const int MaxTerms = 10;

    /// <summary>The shortest term the SQLite trigram index can answer.</summary>
    private const int TrigramLength = 3;

    private const int SnippetBefore = 24;
    private const int SnippetLength = 90;

    private readonly PolicyLibrary library = new(navigator);

    /// <summary>Copies the loaded catalog's measures into the search table, unless the table
    /// already holds exactly this catalog (same fingerprint): then nothing is written. Returns
    /// whether it wrote. All rows are replaced in one transaction.</summary>
    public Task<bool> RefreshAsync(CancellationToken cancellationToken = default) => RefreshAsync(navigator.Catalog, cancellationToken);

    internal async Task<bool> RefreshAsync(PolicyCatalog catalog, CancellationToken cancellationToken)
    {
        var rows = Rows(catalog);
        var fingerprint = Fingerprint(rows);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await StoredFingerprintAsync(db, cancellationToken) == fingerprint) return false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.PolicyTexts.ExecuteDeleteAsync(cancellationToken);
            await db.PolicyTextSets.ExecuteDeleteAsync(cancellationToken);
            db.PolicyTexts.AddRange(rows);
            db.PolicyTextSets.Add(new PolicyTextSet { Id = SetId, Fingerprint = fingerprint, Measures = rows.Count, UpdatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another host starting at the same time wrote the same catalog first.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            if (await StoredFingerprintAsync(again, cancellationToken) == fingerprint) return false;
            throw;
        }
    }

    /// <summary>The measures whose titles or clause text contain every term of
    /// <paramref name="query"/>, best first; empty when the query has no term.</summary>
    public async Task<IReadOnlyList<PolicySearchHit>> SearchAsync(string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = Terms(query);
        if (terms.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (sql, parameters) = db.Database.IsNpgsql() ? Postgres(terms) : Sqlite(terms);
        var rows = await db.Database.SqlQueryRaw<Row>(sql, parameters).ToListAsync(cancellationToken);
        return rows.Select(r => new PolicySearchHit(r.MeasureId, r.DocumentId, Snippet(r.Text, terms))).ToList();
    }

    /// <summary>The policy library's list for the web: the measures <paramref name="filter"/>
    /// keeps, in catalog order, or, when there is a query, those of them the search found, best
    /// first, each with its snippet.</summary>
    public async Task<IReadOnlyList<PolicyFound>> FindAsync(PolicyFilter filter, string? query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = library.List(filter);
        if (string.IsNullOrWhiteSpace(query)) return rows.Select(x => new PolicyFound(x.Document, x.Measure, null)).ToList();
        var kept = rows.ToDictionary(x => x.Measure.Id, StringComparer.Ordinal);
        var hits = await SearchAsync(query, cancellationToken);
        return hits.Where(h => kept.ContainsKey(h.MeasureId))
            .Select(h => new PolicyFound(kept[h.MeasureId].Document, kept[h.MeasureId].Measure, h.Snippet)).ToList();
    }

    /// <summary>The terms of a query: split at white space, control characters taken as white
    /// space, at most <see cref="MaxQueryLength"/> characters and <see cref="MaxTerms"/> terms,
    /// each once.</summary>
    public static IReadOnlyList<string> Terms(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var clean = new StringBuilder(Math.Min(query.Length, MaxQueryLength * 2));
        var count = 0;
        // Runes: a lone surrogate becomes U+FFFD instead of text no database encoding accepts.
        foreach (var rune in query.EnumerateRunes())
        {
            if (count++ == MaxQueryLength) break;
            if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)) clean.Append(' ');
            else clean.Append(rune.ToString());
        }
        return clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTerms).ToList();
    }

    private static (string Sql, object[] Parameters) Sqlite(IReadOnlyList<string> terms)
    {
        var parameters = new List<object>();
        var trigram = terms.Where(t => Characters(t) >= TrigramLength).ToList();
        var like = terms.Where(t => Characters(t) < TrigramLength).ToList();
        var where = new List<string>();
        string from, order;
        if (trigram.Count > 0)
        {
            // Each term one FTS5 string ("" escapes a quote inside it): a phrase of its trigrams,
            // i.e. the term as a substring; strings side by side must all match.
            parameters.Add(string.Join(' ', trigram.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")));
            from = $"""
                "{PolicySearchSql.SqliteTable}" JOIN "PolicyTexts" AS p ON p."Position" = "{PolicySearchSql.SqliteTable}".rowid
                """;
            where.Add($"\"{PolicySearchSql.SqliteTable}\" MATCH {{0}}");
            // bm25 is lower for better matches; the title weighs most, the document's title least.
            order = $"bm25(\"{PolicySearchSql.SqliteTable}\", 1.0, 4.0, 2.0), p.\"Position\"";
            foreach (var term in like) where.Add(Like(parameters, term, "LIKE"));
        }
        else
        {
            from = "\"PolicyTexts\" AS p";
            order = Ranking(parameters, like, "LIKE", where);
        }
        return (Select(from, where, order), parameters.ToArray());
    }

    private static (string Sql, object[] Parameters) Postgres(IReadOnlyList<string> terms)
    {
        var parameters = new List<object>();
        var where = new List<string>();
        var order = Ranking(parameters, terms, "ILIKE", where);
        return (Select("\"PolicyTexts\" AS p", where, order), parameters.ToArray());
    }

    /// <summary>Adds each term's condition to <paramref name="where"/> and returns the order: terms
    /// found in the measure's or document's title, then occurrences in the text, then catalog order.</summary>
    private static string Ranking(List<object> parameters, IReadOnlyList<string> terms, string like, List<string> where)
    {
        var titles = new List<string>();
        var occurrences = new List<string>();
        foreach (var term in terms)
        {
            where.Add(Like(parameters, term, like));
            var pattern = Placeholder(parameters.Count - 1);
            titles.Add($"(CASE WHEN p.\"Title\" {like} {pattern} ESCAPE '\\' OR p.\"DocumentTitle\" {like} {pattern} ESCAPE '\\' THEN 1 ELSE 0 END)");
            parameters.Add(term);
            var raw = Placeholder(parameters.Count - 1);
            occurrences.Add($"(length(p.\"Text\") - length(replace(lower(p.\"Text\"), lower({raw}), ''))) / length({raw})");
        }
        return $"{string.Join(" + ", titles)} DESC, {string.Join(" + ", occurrences)} DESC, p.\"Position\"";
    }

    /// <summary>A LIKE (or ILIKE) on the three columns for a term, % and _ and \ taken literally.</summary>
    private static string Like(List<object> parameters, string term, string like)
    {
        parameters.Add("%" + EscapeLike(term) + "%");
        var i = Placeholder(parameters.Count - 1);
        return $"(p.\"DocumentTitle\" {like} {i} ESCAPE '\\' OR p.\"Title\" {like} {i} ESCAPE '\\' OR p.\"Text\" {like} {i} ESCAPE '\\')";
    }

    /// <summary>SqlQueryRaw's placeholder of the parameter at <paramref name="index"/>: {0}, {1}…</summary>
    private static string Placeholder(int index) => "{" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";

    private static string Select(string from, List<string> where, string order) =>
        $"SELECT p.\"MeasureId\", p.\"DocumentId\", p.\"Text\" FROM {from} WHERE {string.Join(" AND ", where)} ORDER BY {order}";

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    private static int Characters(string text) => text.EnumerateRunes().Count();

    /// <summary>A window of the text around the first match, every match in it marked; the
    /// text's beginning when only a title matched.</summary>
    internal static IReadOnlyList<SnippetPart> Snippet(string text, IReadOnlyList<string> terms)
    {
        var first = Next(text, terms, 0);
        var start = first is { } f ? Math.Max(0, f.Index - SnippetBefore) : 0;
        var end = Math.Min(text.Length, start + SnippetLength);
        if (first is { } g) end = Math.Max(end, Math.Min(text.Length, g.Index + g.Length));
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
        var parts = new List<SnippetPart>();
        var plain = new StringBuilder(start > 0 ? "…" : "");
        var at = start;
        while (at < end && Next(text, terms, at) is { } match && match.Index < end)
        {
            plain.Append(text, at, match.Index - at);
            if (plain.Length > 0) parts.Add(new SnippetPart(plain.ToString(), false));
            plain.Clear();
            var length = Math.Min(match.Length, end - match.Index);
            parts.Add(new SnippetPart(text.Substring(match.Index, length), true));
            at = match.Index + length;
        }
        plain.Append(text, at, end - at);
        if (end < text.Length) plain.Append('…');
        if (plain.Length > 0) parts.Add(new SnippetPart(plain.ToString(), false));
        return parts;
    }

    /// <summary>The earliest occurrence of any term from <paramref name="from"/> on, the longest term there.</summary>
    private static (int Index, int Length)? Next(string text, IReadOnlyList<string> terms, int from)
    {
        (int Index, int Length)? best = null;
        foreach (var term in terms)
        {
            var i = text.IndexOf(term, from, StringComparison.OrdinalIgnoreCase);
            if (i < 0) continue;
            if (best is not { } b || i < b.Index || (i == b.Index && term.Length > b.Length)) best = (i, term.Length);
        }
        return best;
    }

    private static List<PolicyText> Rows(PolicyCatalog catalog) =>
        catalog.Documents.SelectMany(d => d.Measures.Select(m => (d, m)))
            .Select((x, i) => new PolicyText
            {
                Position = i + 1,
                MeasureId = x.m.Id,
                DocumentId = x.d.Id,
                DocumentTitle = x.d.Title,
                Title = x.m.Title,
                Text = x.m.Text,
            }).ToList();

    /// <summary>SHA-256 over every field of every row, each length-prefixed: equal exactly when
    /// the rows would be.</summary>
    internal static string Fingerprint(IReadOnlyList<PolicyText> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var length = new byte[4];
        void Number(int n)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, n);
            hash.AppendData(length);
        }
        void Add(string field)
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            Number(bytes.Length);
            hash.AppendData(bytes);
        }
        Add("srdi-policy-texts/1");
        foreach (var r in rows)
        {
            Number(r.Position);
            Add(r.MeasureId);
            Add(r.DocumentId);
            Add(r.DocumentTitle);
            Add(r.Title);
            Add(r.Text);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Task<string?> StoredFingerprintAsync(SrdiDbContext db, CancellationToken cancellationToken) =>
        db.PolicyTextSets.AsNoTracking().Where(s => s.Id == SetId).Select(s => s.Fingerprint).SingleOrDefaultAsync(cancellationToken);

    /// <summary>A row of the search's SQL.</summary>
    internal sealed class Row
    {
        public required string MeasureId { get; init; }
        public required string DocumentId { get; init; }
        public required string Text { get; init; }
    }
}
