using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Tiers;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Vocabulary;

/// <summary>The one table of the product's words: for each status, kind, mode, outcome, verdict,
/// level, category and beneficiary, the code programs read (<see cref="Codes"/>) and the Chinese a
/// person reads, taken from the catalog's vocabulary/terms.yaml. Built once with the catalog; a
/// list that does not match the engine's codes stops loading with the file and line.</summary>
public sealed class Wording
{
    private readonly Terms _terms;
    private readonly Dictionary<string, CertificateLevel> _levels = new(StringComparer.Ordinal);

    public Wording(Terms terms)
    {
        _terms = terms;
        Check<MeasureStatus>(terms.Statuses);
        Check<BenefitKind>(terms.BenefitKinds);
        Check<Truth>(terms.Outcomes);
        Check<Verdict>(terms.Verdicts);
        // Each level's code and Chinese name, in the enum's order: as before, the first level a spelling names wins.
        foreach (var candidate in Enum.GetValues<CertificateLevel>())
        {
            _levels.TryAdd(Codes.Of(candidate), candidate);
            _levels.TryAdd(Level(candidate), candidate);
        }
    }

    public Terms Terms => _terms;

    public string Status(MeasureStatus status) => _terms.Statuses.Label(Codes.Of(status));

    public string Kind(BenefitKind kind) => _terms.BenefitKinds.Label(Codes.Of(kind));

    public string Application(ApplicationMode mode) => _terms.ApplicationModes.Label(Codes.Of(mode));

    public string Outcome(Truth truth) => _terms.Outcomes.Label(Codes.Of(truth));

    public string Verdict(Verdict verdict) => _terms.Verdicts.Label(Codes.Of(verdict));

    public string Level(CertificateLevel level) => _terms.CertificateLevels.Label(Codes.Of(level));

    public string DocumentStatus(DocumentStatus status) => _terms.DocumentStatuses.Label(Codes.Of(status));

    public string Category(string code) => _terms.Categories.Label(code);

    public string Beneficiary(string code) => _terms.Beneficiaries.Label(code);

    /// <summary>What a part's sum is counted per: once → 一次性, month → 每月.</summary>
    public string Period(string code) => _terms.Periods.Label(code);

    /// <summary>A certificate level from a roster cell or form: its code or its Chinese name.</summary>
    /// <remarks>A roster reads this for every certificate of every row: one look-up in a table
    /// built with the wording, not a walk over the enum that allocates its values each time.</remarks>
    public bool TryLevel(string text, out CertificateLevel level) => _levels.TryGetValue(text.Trim(), out level);

    private static void Check<T>(TermList list) where T : struct, Enum
    {
        if (list == TermList.Empty) return;
        if (list.Mismatch(Codes.All<T>()) is { } problem) throw new CatalogException(list.Location, problem);
    }
}
