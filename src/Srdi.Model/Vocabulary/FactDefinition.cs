using Srdi.Model.Sources;

namespace Srdi.Model.Vocabulary;

public enum FactType { Money, Number, Rate, Count, Boolean, Date, Choice, List }

/// <summary>One fact a profile may carry, as declared in the vocabulary.</summary>
public sealed record FactDefinition(
    string Name,
    string Label,
    FactType Type,
    string? Unit,
    bool Yearly,
    IReadOnlyList<string> Choices,
    IReadOnlyList<FieldDefinition> Fields,
    SourceLocation Location);

/// <summary>A field of each item of a list fact.</summary>
public sealed record FieldDefinition(string Name, string Label, FactType Type, IReadOnlyList<string> Choices);
