namespace Srdi.Model.Vocabulary;

/// <summary>A dated value that differs by region: a province's or city's own value, else the
/// default (广东's SRDI pass mark of 70, the national 60). The enterprise's city is looked up
/// first, then its province.</summary>
public sealed record RegionalParameter(
    string Name,
    string Label,
    DatedParameter Default,
    IReadOnlyDictionary<string, DatedParameter> ByRegion,
    string? Note);
