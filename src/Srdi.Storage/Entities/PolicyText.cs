namespace Srdi.Storage.Entities;

/// <summary>One measure's searchable text, copied from the loaded catalog when the host starts
/// (<see cref="Search.PolicySearch.RefreshAsync(CancellationToken)"/>): the catalog stays the
/// source of truth, this table only serves full-text search. The filters (city, level, status…)
/// are applied by the policy library to the ids found here.</summary>
public sealed class PolicyText
{
    /// <summary>The measure's place in catalog order, 1..n. On SQLite it is the row id that the
    /// FTS5 table <c>PolicyTextsSearch</c> points at.</summary>
    public int Position { get; set; }

    public required string MeasureId { get; set; }
    public required string DocumentId { get; set; }
    public required string DocumentTitle { get; set; }

    /// <summary>The measure's title (建立培育服务机制).</summary>
    public required string Title { get; set; }

    /// <summary>The clause's verbatim text.</summary>
    public required string Text { get; set; }
}

/// <summary>Which catalog the rows of <see cref="PolicyText"/> were copied from: one row, whose
/// fingerprint (SHA-256 of every copied field) tells the host at start whether the catalog it
/// loaded differs from the one in the database.</summary>
public sealed class PolicyTextSet
{
    /// <summary>Always <see cref="Search.PolicySearch.SetId"/>.</summary>
    public required string Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of the rows.</summary>
    public required string Fingerprint { get; set; }

    public int Measures { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
