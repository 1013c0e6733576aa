namespace Srdi.Model.Profiles;

/// <summary>The value of one fact in a profile: a single value, or one per year for yearly facts.
/// Scalars are decimal (money in yuan, rates as decimals, counts), bool, string (choices),
/// DateOnly, or a list of items (each a field-name → scalar map).</summary>
public abstract record FactValue;

public sealed record ScalarFact(object Value) : FactValue;

public sealed record YearlyFact(IReadOnlyDictionary<int, object> ByYear) : FactValue;

/// <summary>An item of a list fact.</summary>
public sealed record FactItem(IReadOnlyDictionary<string, object> Fields);
