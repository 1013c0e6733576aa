using Srdi.Model.Policies;
using Srdi.Model.Tiers;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Expressions;

/// <summary>The names a rule may use beyond the vocabulary: its document's terms and
/// parameters, or a tier ruleset's regional parameters; and whether <c>target</c> (the threshold
/// a gap is computed against) is in scope.</summary>
internal sealed record RuleScope(
    IReadOnlyDictionary<string, IReadOnlyList<CertificateRequirement>> Terms,
    IReadOnlyDictionary<string, DatedParameter> Parameters,
    IReadOnlyDictionary<string, RegionalParameter> RegionalParameters,
    bool HasTarget = false)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<CertificateRequirement>> NoTerms =
        new Dictionary<string, IReadOnlyList<CertificateRequirement>>();

    private static readonly IReadOnlyDictionary<string, RegionalParameter> NoRegional = new Dictionary<string, RegionalParameter>();

    public static RuleScope For(PolicyDocument document) => new(document.Terms, document.Parameters, NoRegional);

    public static RuleScope For(TierRuleset ruleset) => new(NoTerms, new Dictionary<string, DatedParameter>(), ruleset.Parameters);
}
