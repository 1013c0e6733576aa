namespace Srdi.Application.Hosting;

/// <summary>Where the catalog is: the configured folder, else the one that ships beside the
/// program (the build copies the repository's catalog/ into every host's output).</summary>
public static class CatalogLocation
{
    public const string FolderName = "catalog";

    /// <summary>The environment variable the command line reads for the catalog folder (beside
    /// the configuration's Srdi:Catalog, Srdi__Catalog in the environment); --catalog wins over both.</summary>
    public const string EnvironmentVariable = "SRDI_CATALOG";

    /// <summary>The catalog that ships with the program.</summary>
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, FolderName);

    public static string Resolve(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? Shipped : Path.GetFullPath(configured);
}
