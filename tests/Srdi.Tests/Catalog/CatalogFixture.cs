using Srdi.Application;

namespace Srdi.Tests.Catalog;

/// <summary>The real catalog, loaded and compiled once for all tests that read it.</summary>
public static class RealCatalog
{
    private static readonly Lazy<PolicyNavigator> Instance = new(() => PolicyNavigator.Open(null));

    public static PolicyNavigator Navigator => Instance.Value;

    public static string Root => Navigator.Root;

    public static string RepositoryRoot => Path.GetDirectoryName(Root)!;
}
