namespace Srdi.Application;

/// <summary>Finds the catalog folder: an explicit path, else SRDI_CATALOG, else a "catalog"
/// folder in the current directory or any parent, else beside the program.</summary>
public static class CatalogLocation
{
    public static string Find(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath)) return Path.GetFullPath(explicitPath);
        if (Environment.GetEnvironmentVariable("SRDI_CATALOG") is { Length: > 0 } fromEnvironment) return Path.GetFullPath(fromEnvironment);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "catalog");
                if (Directory.Exists(Path.Combine(candidate, "vocabulary"))) return candidate;
            }
        }
        return Path.GetFullPath("catalog");
    }
}
