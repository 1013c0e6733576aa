using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Srdi.Application.Hosting;
using Srdi.Tests.Catalog;

namespace Srdi.Tests.Application;

/// <summary>Builds the application services the way a host does: configuration in, dependency
/// injection out, nothing constructed by hand.</summary>
internal static class ServiceHost
{
    public static ServiceProvider Build(string? catalog = null)
    {
        var settings = new Dictionary<string, string?>();
        if (catalog is not null) settings["Srdi:Catalog"] = catalog;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSrdiNavigator(configuration).BuildServiceProvider();
    }

    /// <summary>The services over the repository's catalog.</summary>
    public static ServiceProvider Repository() => Build(RealCatalog.Root);
}

/// <summary>A copy of the repository's catalog in a temporary folder, for tests that change it.</summary>
internal sealed class CatalogCopy : IDisposable
{
    public CatalogCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), $"srdi-catalog-{Guid.NewGuid():N}");
        RealCatalog.CopyTo(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Replaces the one occurrence of <paramref name="old"/> in a catalog file.</summary>
    public void Edit(string relative, string old, string replacement)
    {
        var path = PathOf(relative);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(old, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(old, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"{relative} 中“{old}”应恰好出现一次");
        File.WriteAllText(path, text[..at] + replacement + text[(at + old.Length)..]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
