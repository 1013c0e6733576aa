using Srdi.Application;

namespace Srdi.Tests.Catalog;

/// <summary>The real catalog, loaded and compiled once for all tests that read it.</summary>
public static class RealCatalog
{
    private static readonly Lazy<PolicyNavigator> Instance = new(() => PolicyNavigator.Open(Path.Combine(FindRepositoryRoot(), "catalog")));

    public static PolicyNavigator Navigator => Instance.Value;

    public static string Root => Navigator.Root;

    public static string RepositoryRoot => Path.GetDirectoryName(Root)!;

    /// <summary>Copies the whole catalog (documents, vocabulary, sources, criteria) into a folder,
    /// for tests that change or extend it; not its cache of parsed documents, so a copy loads
    /// from its YAML first, as a fresh clone does.</summary>
    public static void CopyTo(string target)
    {
        foreach (var file in Directory.GetFiles(Root, "*", SearchOption.AllDirectories))
        {
            if (Path.GetRelativePath(Root, file).StartsWith(".cache", StringComparison.Ordinal)) continue;
            var copy = Path.Combine(target, Path.GetRelativePath(Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    /// <summary>The tests read the repository's catalog, the one authors edit, not the copy the
    /// build ships beside the binaries.</summary>
    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Srdi.slnx"))) return dir.FullName;
        throw new InvalidOperationException("找不到仓库根目录（含 Srdi.slnx）");
    }
}
