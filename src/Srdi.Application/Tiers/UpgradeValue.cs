using Srdi.Engine.Evaluation;
using Srdi.Engine.Tiers;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;
using Srdi.Model.Tiers;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Tiers;

/// <summary>What reaching the next tier opens in one document: the money before and after, and
/// the measures (and benefits in kind) that the new certificate opens.</summary>
public sealed record DocumentUpgrade(
    PolicyDocument Document,
    Totals Before,
    Totals After,
    IReadOnlyList<MeasureResult> Opened,
    IReadOnlyList<string> InKindOpened)
{
    public Totals Difference => After - Before;
}

/// <summary>The upgrade value: the enterprise's measures as it is, and as it would be holding the
/// next certificate, first obtained on the evaluation date.</summary>
public sealed record UpgradeValue(
    TierCriteria NextTier,
    Certificate Added,
    IReadOnlyList<DocumentUpgrade> Documents,
    Totals InForceDifference,
    Totals DraftDifference);

public static class UpgradeValues
{
    /// <summary>Null when the enterprise already holds every tier of the ladder.</summary>
    public static UpgradeValue? For(PolicyNavigator navigator, EnterpriseProfile profile, DateOnly at, AssessmentReport assessment)
    {
        // The rung above the highest one held: a little giant without an innovative-SME title
        // has nothing left to climb.
        var highest = assessment.Tiers.Select((t, i) => (t, i)).LastOrDefault(x => x.t.Holds).i;
        var nextIndex = assessment.Tiers.Any(t => t.Holds) ? highest + 1 : 0;
        if (nextIndex >= assessment.Tiers.Count) return null;
        var next = assessment.Tiers[nextIndex].Tier;
        var kind = navigator.Catalog.Vocabulary.Certificates[next.Certificate];
        var level = LevelFor(next.Upgrade, profile.Area);
        var added = new Certificate(next.Certificate, level, next.Upgrade.Issuer, at, kind.ExpiryFor(at), Renewal: false);
        var upgraded = profile with { Certificates = [.. profile.Certificates, added] };

        var before = navigator.Evaluate(profile, at);
        var after = navigator.Evaluate(upgraded, at);
        var documents = new List<DocumentUpgrade>();
        foreach (var document in navigator.Catalog.Documents)
        {
            var b = before.Measures.Where(m => m.Document == document).ToDictionary(m => m.Measure.Id);
            var a = after.Measures.Where(m => m.Document == document).ToList();
            bool NewlyEligible(MeasureResult m) => m.Status == MeasureStatus.Eligible && b[m.Measure.Id].Status != MeasureStatus.Eligible;
            var opened = a.Where(m => NewlyEligible(m) || m.Status == MeasureStatus.Eligible && Totals.Of([m]) != Totals.Of([b[m.Measure.Id]])).ToList();
            var inKind = opened.Where(NewlyEligible).SelectMany(m => m.Measure.Benefit.InKind.Select(k => $"{m.Measure.Id}：{k}")).ToList();
            var upgrade = new DocumentUpgrade(document, Totals.Of(b.Values), Totals.Of(a), opened, inKind);
            if (opened.Count > 0) documents.Add(upgrade);
        }
        return new UpgradeValue(next, added, documents,
            Totals.Of(after.Measures.Where(m => !m.Draft)) - Totals.Of(before.Measures.Where(m => !m.Draft)),
            Totals.Of(after.Measures.Where(m => m.Draft)) - Totals.Of(before.Measures.Where(m => m.Draft)));
    }

    private static CertificateLevel LevelFor(CertificateUpgrade upgrade, EnterpriseArea? area) =>
        AreaNames.TryFindRegion(upgrade.ByRegion, area, out var level) ? level : upgrade.Level;
}
