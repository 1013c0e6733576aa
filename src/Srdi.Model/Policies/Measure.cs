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
}

/// <summary>A requirement written in the clause, as a boolean expression with a Chinese label.</summary>
public sealed record Condition(string? Label, SourceText Rule);
