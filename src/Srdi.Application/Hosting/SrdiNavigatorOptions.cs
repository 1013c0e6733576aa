namespace Srdi.Application.Hosting;

/// <summary>Settings of the application services, bound from the configuration section
/// <see cref="Section"/> (appsettings "Srdi": { "Catalog": "…" }, or the environment variable
/// Srdi__Catalog).</summary>
public sealed class SrdiNavigatorOptions
{
    public const string Section = "Srdi";

    /// <summary>The catalog folder (vocabulary/, documents/, criteria/, sources/). Empty: the
    /// catalog that ships with the program.</summary>
    public string? Catalog { get; set; }
}
