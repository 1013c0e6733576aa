namespace Srdi.Application.Contracts;

/// <summary>The enterprise a result is about.</summary>
public sealed record EnterpriseRef(string Id, string? Name);

/// <summary>Money added up, in yuan: sure sums, ceilings ("up to", never a promise) and the
/// totals of multi-year schedules, kept apart.</summary>
public sealed record MoneyTotals(decimal Exact, decimal UpTo, decimal Scheduled)
{
    internal static MoneyTotals From(Engine.Evaluation.Totals t) => new(t.Exact, t.UpTo, t.Scheduled);
}

/// <summary>A request or file the product refused: what was wrong, where (the JSON path of a
/// field, or a file and line), in Chinese. The HTTP API sends it as problem+json.</summary>
public sealed record ErrorResult(string Code, string Message, string? Field, string? File, int? Line)
{
    public static ErrorResult From(Exception error) => error switch
    {
        Profiles.ProfileException p => new ErrorResult("profile-invalid", p.Reason, p.Path, null, null),
        Model.Sources.CatalogException c => new ErrorResult("catalog-invalid", c.Reason, null, c.Location.File, c.Location.Line > 0 ? c.Location.Line : null),
        Rosters.RosterFormatException r => new ErrorResult("roster-unreadable", r.Message, null, null, null),
        _ => new ErrorResult("error", error.Message, null, null, null),
    };
}
