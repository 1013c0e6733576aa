using System.Globalization;
using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Expressions;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;

namespace Srdi.Application.Evaluation;

/// <summary>An evaluation arranged for a person, decided once here for every front end: the
/// documents that concern the enterprise (its area matches) and those that do not, each measure
/// with its Chinese status, amount and reason, the structured explanation of each condition, the
/// computations, the questions still open, the benefits that reach others, and the totals.</summary>
public sealed record EvaluationView(
    EnterpriseProfile Enterprise,
    DateOnly At,
    bool IncludeDrafts,
    string AreaText,
    IReadOnlyList<string> Certificates,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<PolicyDocument> NotHere,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<OtherBeneficiary> ReachingOthers,
    Totals Counted,
    Totals Drafts)
{
    /// <summary>Drafts are shown apart unless they were counted in.</summary>
    public bool ShowDraftsApart => !IncludeDrafts && Drafts.Exact + Drafts.UpTo + Drafts.Scheduled > 0;

    public static EvaluationView Build(EvaluationReport report, PolicyNavigator navigator)
    {
        var text = new ChineseText(navigator.Wording, navigator.Catalog.Vocabulary);
        var p = report.Profile;
        var documents = new List<DocumentView>();
        // The documents of other areas: the engine lists none of their measures.
        var notHere = new List<PolicyDocument>(report.Elsewhere);
        foreach (var group in report.Measures.GroupBy(m => m.Document))
        {
            var concerning = group.Where(m => m.InArea != Truth.False).ToList();
            if (concerning.Count == 0)
            {
                notHere.Add(group.Key);
                continue;
            }
            documents.Add(new DocumentView(group.Key, ChineseText.DocumentState(group.Key, report.At, report.IncludeDrafts),
                concerning.Select(m => Measure(m, text, navigator, p, report.At)).ToList()));
        }
        var others = report.Measures
            .Where(m => m.Status == MeasureStatus.Eligible)
            .SelectMany(m => m.Parts.Where(x => x.Applies == Truth.True && x.Beneficiary != EnterpriseBeneficiary)
                .Select(x => new OtherBeneficiary(m, x, text.Beneficiary(x.Beneficiary), text.PartAmount(x))))
            .ToList();
        return new EvaluationView(p, report.At, report.IncludeDrafts, ChineseText.Area(p.Area),
            p.Certificates.Select(c => text.Certificate(c, report.At)).ToList(),
            documents, notHere, Srdi.Application.Evaluation.Questions.For(report, navigator.Catalog.Vocabulary), others, report.Counted, report.Drafts);
    }

    /// <summary>The beneficiary code of money paid to the enterprise itself (reading rule 15).</summary>
    public const string EnterpriseBeneficiary = "enterprise";

    private static MeasureView Measure(MeasureResult r, ChineseText text, PolicyNavigator navigator, EnterpriseProfile profile, DateOnly at)
    {
        var computations = r.Status is MeasureStatus.Eligible or MeasureStatus.NotInForce
            ? r.Parts.Where(x => x.Applies == Truth.True && x.Computation is not null)
                .Select(x => new ComputationLine(x.Part.Label, x.Part.Payer, x.Computation!, x.CapApplied, x.Part.CapLabel)).ToList()
            : [];
        return new MeasureView(r, text.Status(r), ChineseText.Amount(r), text.Wording.Application(r.Measure.Application), text.Reason(r, profile, at),
            computations, r.Conditions.Select(c => Condition(c, text, navigator, profile)).ToList())
        {
            Caveat = r.PendingRevision is { } revision && r.Status != MeasureStatus.Ineligible ? ChineseText.PendingRevision(revision, r.Measure.HasMoney) : null,
            InKind = r.InKind.Any(k => k.Item.When is not null)
                ? r.InKind.Select(k => new InKindLine(k.Item.Text, k.Given, text.Wording.Outcome(k.Given), k.Seen)).ToList()
                : [],
        };
    }

    private static ConditionView Condition(ConditionTrace c, ChineseText text, PolicyNavigator navigator, EnterpriseProfile profile)
    {
        var vocabulary = navigator.Catalog.Vocabulary;
        var facts = c.Rule is null ? [] : RuleText.Names(c.Rule).Distinct().Where(vocabulary.Facts.ContainsKey).Select(name =>
        {
            var definition = vocabulary.Facts[name];
            string? value = profile.Facts.GetValueOrDefault(name) switch
            {
                ScalarFact s => ChineseText.Value(definition, s.Value),
                YearlyFact y when y.ByYear.Count > 0 => string.Join("；", y.ByYear.OrderByDescending(kv => kv.Key).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}年 {ChineseText.Value(definition, kv.Value)}"))),
                _ => null,
            };
            return new FactReading(name, definition.Label, definition.Unit, value);
        }).ToList();
        return new ConditionView(c.Kind, c.Label, c.Rule, c.Outcome, text.Wording.Outcome(c.Outcome), c.Seen, facts);
    }
}

/// <summary>One document that concerns the enterprise, with its state on the date.</summary>
public sealed record DocumentView(PolicyDocument Document, string State, IReadOnlyList<MeasureView> Measures);

/// <summary>One measure for a person: the engine's result and its Chinese renderings.</summary>
public sealed record MeasureView(
    MeasureResult Result,
    string Status,
    string Amount,
    string Application,
    string Reason,
    IReadOnlyList<ComputationLine> Computations,
    IReadOnlyList<ConditionView> Conditions)
{
    /// <summary>A caveat a person must read beside the status: the clause waits on another
    /// policy's revision (reading rule 23). Null when there is none.</summary>
    public string? Caveat { get; init; }

    /// <summary>Each in-kind item with whether it is given, for items that have a condition of
    /// their own (reading rule 20); empty when every item goes with the measure.</summary>
    public IReadOnlyList<InKindLine> InKind { get; init; } = [];
}

/// <summary>One in-kind item as a person reads it: the item, its outcome and what decided it.</summary>
public sealed record InKindLine(string Text, Truth Given, string OutcomeText, string? Seen);

/// <summary>A money part's computation written out, and whether a cap bit.</summary>
public sealed record ComputationLine(string Part, string? Payer, string Computation, bool CapApplied, string? CapLabel);

/// <summary>One condition as data: what it checks, the rule, the outcome, what the profile showed,
/// and each fact the rule reads with its value (null when the profile lacks it) and unit.</summary>
public sealed record ConditionView(
    ConditionKind Kind,
    string Label,
    string? Rule,
    Truth Outcome,
    string OutcomeText,
    string Seen,
    IReadOnlyList<FactReading> Facts);

public sealed record FactReading(string Fact, string Label, string? Unit, string? Value)
{
    public bool Known => Value is not null;
}

/// <summary>Money a measure pays to someone other than the enterprise (its buyers, staff, park):
/// shown, never counted in the enterprise's totals.</summary>
public sealed record OtherBeneficiary(MeasureResult Result, PartResult Part, string Beneficiary, string Amount);
