namespace Srdi.Model.Vocabulary;

/// <summary>A closed list of codes a program reads (in JSON, in rules tests, in a catalog file)
/// with the Chinese a person reads for each, in the order the catalog declares them.</summary>
public sealed class TermList
{
    private readonly Dictionary<string, string> _labels;

    public TermList(string name, IEnumerable<KeyValuePair<string, string>> terms, Sources.SourceLocation? location = null)
    {
        Name = name;
        Location = location ?? Sources.SourceLocation.None;
        Codes = terms.Select(t => t.Key).ToList();
        _labels = new Dictionary<string, string>(terms, StringComparer.Ordinal);
    }

    /// <summary>The list's key in the vocabulary file, e.g. "categories".</summary>
    public string Name { get; }

    public IReadOnlyList<string> Codes { get; }

    /// <summary>Where the list is declared, for errors about it.</summary>
    public Sources.SourceLocation Location { get; }

    /// <summary>Null when the list holds exactly <paramref name="expected"/>; otherwise what differs.</summary>
    public string? Mismatch(IReadOnlyCollection<string> expected)
    {
        var missing = expected.Where(c => !Contains(c)).ToList();
        var unknown = Codes.Where(c => !expected.Contains(c)).ToList();
        if (missing.Count == 0 && unknown.Count == 0) return null;
        return $"词表 {Name} 应恰好列出 {string.Join(" | ", expected)}"
            + (missing.Count > 0 ? $"；缺少 {string.Join("、", missing)}" : "")
            + (unknown.Count > 0 ? $"；多出 {string.Join("、", unknown)}" : "");
    }

    public bool Contains(string code) => _labels.ContainsKey(code);

    /// <summary>The Chinese label of a code; an unknown code is returned as written so that a
    /// gap in the vocabulary shows instead of failing.</summary>
    public string Label(string code) => _labels.TryGetValue(code, out var label) ? label : code;

    public static readonly TermList Empty = new("", []);
}

/// <summary>Every word list of the product: the machine codes of statuses, kinds, modes,
/// outcomes, levels and benefit periods, and the catalog's open lists (categories, beneficiaries), each code with
/// its Chinese label, read from the catalog's vocabulary (vocabulary/terms.yaml).</summary>
public sealed record Terms(
    TermList Statuses,
    TermList BenefitKinds,
    TermList ApplicationModes,
    TermList Outcomes,
    TermList Verdicts,
    TermList CertificateLevels,
    TermList DocumentStatuses,
    TermList Categories,
    TermList Beneficiaries,
    TermList Periods)
{
    public static readonly Terms Empty = new(TermList.Empty, TermList.Empty, TermList.Empty, TermList.Empty, TermList.Empty,
        TermList.Empty, TermList.Empty, TermList.Empty, TermList.Empty, TermList.Empty);

    public IEnumerable<TermList> All => [Statuses, BenefitKinds, ApplicationModes, Outcomes, Verdicts, CertificateLevels, DocumentStatuses, Categories, Beneficiaries, Periods];
}
