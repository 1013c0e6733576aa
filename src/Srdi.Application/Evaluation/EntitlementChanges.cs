using Srdi.Application.Contracts;
using Srdi.Engine.Evaluation;

namespace Srdi.Application.Evaluation;

/// <summary>Compares two evaluations of one enterprise on one date (two versions of its
/// profile): the measures whose status, kind or amounts differ, before and after. A report lists
/// only the measures of the documents whose area may include the enterprise: a measure only one
/// report lists is outside the other's area (ineligible there), as when the enterprise moved.</summary>
public static class EntitlementChanges
{
    public static EntitlementChangesResult Compare(EvaluationReport before, EvaluationReport after, int? fromVersion = null, int? toVersion = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Measures.ToDictionary(m => m.Measure.Id, StringComparer.Ordinal);
        var listedAfter = after.Measures.Select(m => m.Measure.Id).ToHashSet(StringComparer.Ordinal);
        var changes = new List<EntitlementChangeResult>();
        foreach (var now in after.Measures)
        {
            var a = old.TryGetValue(now.Measure.Id, out var was) ? State(was) : OutsideArea(now.Measure);
            var b = State(now);
            if (Same(a, b)) continue;
            changes.Add(new EntitlementChangeResult(now.Measure.Id, now.Document.Id, now.Measure.Title, now.Draft, a, b));
        }
        // Measures that concerned the enterprise before and no longer do, in the order of the catalog.
        foreach (var was in before.Measures.Where(m => !listedAfter.Contains(m.Measure.Id)))
        {
            var a = State(was);
            var b = OutsideArea(was.Measure);
            if (Same(a, b)) continue;
            changes.Add(new EntitlementChangeResult(was.Measure.Id, was.Document.Id, was.Measure.Title, was.Draft, a, b));
        }
        return new EntitlementChangesResult(EntitlementChangesResult.SchemaName,
            new EnterpriseRef(after.Profile.Id, after.Profile.Name), after.At, fromVersion, toVersion, changes);
    }

    /// <summary>A measure of a document whose area does not include the enterprise: ineligible, no money.</summary>
    private static EntitlementState OutsideArea(Model.Policies.Measure measure) =>
        new(Words.Status(MeasureStatus.Ineligible), Words.Kind(BenefitKinds.Nominal(measure)), 0, 0, 0, []);

    /// <summary>A measure's outcome as the comparison sees it.</summary>
    public static EntitlementState State(MeasureResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new EntitlementState(Words.Status(result.Status), Words.Kind(result.Kind), result.Exact, result.UpTo, result.ScheduleTotal, result.ScheduleAmounts);
    }

    private static bool Same(EntitlementState a, EntitlementState b) =>
        string.Equals(a.Status, b.Status, StringComparison.Ordinal)
        && string.Equals(a.Kind, b.Kind, StringComparison.Ordinal)
        && a.Exact == b.Exact && a.UpTo == b.UpTo && a.Scheduled == b.Scheduled
        && a.Schedule.SequenceEqual(b.Schedule);
}
