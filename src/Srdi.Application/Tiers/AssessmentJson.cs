using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Engine.Tiers;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Tiers;

/// <summary>Maps a tier assessment, with its upgrade value, onto its contract
/// (<see cref="AssessmentResult"/>, schema srdi.assessment/1) and writes it as JSON.</summary>
public static class AssessmentJson
{
    public const string Schema = AssessmentResult.SchemaName;

    public static string Write(AssessmentReport report, UpgradeValue? upgrade) => SrdiJson.Serialize(Result(report, upgrade));

    public static AssessmentResult Result(AssessmentReport report, UpgradeValue? upgrade) => new(
        Schema,
        new EnterpriseRef(report.Profile.Id, report.Profile.Name),
        report.At,
        new RulesetRef(report.Ruleset.Id, report.Ruleset.Title, report.Superseded, report.Superseded ? report.Ruleset.SupersededNote : null),
        new SizeResult(report.Size.Industry, report.Size.Class, Words.Outcome(report.Size.IsSme), report.Size.Basis, report.Size.Missing),
        report.Tiers.Select(Tier).ToList(),
        upgrade is null ? null : Upgrade(upgrade));

    private static TierAssessment Tier(TierResult t) => new(
        t.Tier.Certificate, t.Tier.Name, Words.Verdict(t.Verdict), t.Holds, t.Route,
        t.Conditions.Select(Criterion).ToList(),
        t.Direct.Select(Criterion).ToList(),
        t.Score is { } s
            ? new ScoreAssessment(s.Points, s.Undecided, s.PassMark, Words.Outcome(s.Passed),
                s.Groups.Select(g => new GroupAssessment(g.Group.Id, g.Points, g.Group.Max, g.Group.Minimum, g.Undecided, Words.Outcome(g.MinimumMet))).ToList(),
                s.Indicators.Select(i => new IndicatorAssessment(i.Indicator.Id, i.Indicator.Group, i.Indicator.Label, i.Indicator.Max, i.Points,
                    i.Band, i.Value, i.NextStep, i.Missing)).ToList())
            : null,
        t.Gaps, t.Missing);

    private static CriterionAssessment Criterion(CriterionResult c) => new(
        c.Criterion.Id, c.Criterion.Group, c.Criterion.Label, Words.Outcome(c.Outcome), c.Seen, c.Gap, c.Criterion.Note,
        c.Children.Select(Criterion).ToList());

    internal static UpgradeResult Upgrade(UpgradeValue u) => new(
        u.NextTier.Certificate, u.NextTier.Name, Codes.Of(u.Added.Level), u.Added.IssuedOn,
        MoneyTotals.From(u.InForceDifference), MoneyTotals.From(u.DraftDifference),
        u.Documents.Select(d => new DocumentUpgradeResult(d.Document.Id, d.Document.IsDraft,
            MoneyTotals.From(d.Before), MoneyTotals.From(d.After), MoneyTotals.From(d.Difference),
            d.Opened.Select(m => new OpenedMeasure(m.Measure.Id, m.Measure.Title, Words.Kind(m.Kind), m.Exact, m.UpTo, m.ScheduleTotal)).ToList(),
            d.InKindOpened)).ToList());
}
