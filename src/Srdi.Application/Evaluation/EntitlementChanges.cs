using Srdi.Application.Contracts;
using Srdi.Engine.Evaluation;

namespace Srdi.Application.Evaluation;

/// <summary>Compares two evaluations of one enterprise on one date (two versions of its
/// profile): the measures whose status, kind or amounts differ, before and after. A measure
/// only one report has (the catalog cannot change between them in one process) is skipped.</summary>
public static class EntitlementChanges
{
    public static EntitlementChangesResult Compare(EvaluationReport before, EvaluationReport after, int? fromVersion = null, int? toVersion = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Measures.ToDictionary(m => m.Measure.Id, StringComparer.Ordinal);
        var changes = new List<EntitlementChangeResult>();
        foreach (var now in after.Measures)
        {
            if (!old.TryGetValue(now.Measure.Id, out var was)) continue;
            var a = State(was);
            var b = State(now);
            if (Same(a, b)) continue;
            changes.Add(new EntitlementChangeResult(now.Measure.Id, now.Document.Id, now.Measure.Title, now.Draft, a, b));
        }
        return new EntitlementChangesResult(EntitlementChangesResult.SchemaName,
            new EnterpriseRef(after.Profile.Id, after.Profile.Name), after.At, fromVersion, toVersion, changes);
    }

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
