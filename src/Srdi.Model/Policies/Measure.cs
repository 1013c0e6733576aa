using Srdi.Model.Sources;

namespace Srdi.Model.Policies;

public enum ApplicationMode { Apply, Automatic, None }

/// <summary>One numbered clause of a document, as an executable rule next to its verbatim text.</summary>
public sealed record Measure(
    string Id,
    string DocumentId,
    string Section,
    string Clause,
    string Title,
    string Text,
    IReadOnlyList<string> Departments,
    string Category,
    string Beneficiary,
    ApplicationMode Application,
    IReadOnlyList<string> Targets,
    IReadOnlyList<Condition> Conditions,
    string? ExclusionGroup,
    Benefit Benefit,
    string? Interpretation,
    SourceLocation Location)
{
    /// <summary>The clause number in arabic digits, the suffix of the id.</summary>
    public string Number => Id[(Id.LastIndexOf('.') + 1)..];

    public bool HasMoney => Benefit.Parts.Count > 0;

    /// <summary>Another policy whose revision this clause waits for (reading rule 23), or null.</summary>
    public PolicyRevision? AwaitsRevision { get; init; }

    /// <summary>The revision the clause still waits for on a date, or null once it has started.</summary>
    public PolicyRevision? PendingRevisionOn(DateOnly at) => AwaitsRevision is { } revision && revision.PendingOn(at) ? revision : null;
}

/// <summary>A requirement written in the clause, as a boolean expression with a Chinese label.
/// A measure-level condition governs every part and item of the measure; where the clause
/// gives several, <see cref="GovernsAll"/> declares that the words attach it to all of them.</summary>
public sealed record Condition(string? Label, SourceText Rule)
{
    public bool GovernsAll { get; init; }

    /// <summary>The words of the clause that set this condition, verbatim.</summary>
    public string? Basis { get; init; }

    /// <summary>Why a scalar fact decides a condition whose words name items (reading rule 22).</summary>
    public string? ScalarReason { get; init; }
}

/// <summary>Reading rule 23: a clause that changes another policy starts once that policy is
/// revised, and the revised version prevails where it differs. <see cref="RevisedOn"/> is null
/// until the catalog records the revision.</summary>
public sealed record PolicyRevision(string Policy, DateOnly? RevisedOn, string Basis)
{
    /// <summary>Whether the clause still waits for the revision on a date.</summary>
    public bool PendingOn(DateOnly at) => RevisedOn is not { } d || d > at;
}
