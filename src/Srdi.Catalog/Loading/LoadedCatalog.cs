using Srdi.Model.Policies;

namespace Srdi.Catalog.Loading;

/// <summary>A catalog loaded to be compiled (<see cref="CatalogLoader.LoadForCompiler"/>), with what
/// the catalog's cache knows of compiling it. A loading fact, not part of the catalog: the same
/// catalog loaded without the cache, or after an edit of the vocabulary, knows nothing.</summary>
public sealed class LoadedCatalog
{
    private readonly string? _root;
    private readonly byte[]? _stamp;
    private readonly string[] _keys;
    private readonly HashSet<string> _recorded;

    internal LoadedCatalog(PolicyCatalog catalog)
    {
        Catalog = catalog;
        _keys = [];
        _recorded = [];
        KnownToCompile = new HashSet<int>();
    }

    internal LoadedCatalog(PolicyCatalog catalog, string root, byte[] stamp, string[] keys, HashSet<string> recorded)
    {
        Catalog = catalog;
        _root = root;
        _stamp = stamp;
        _keys = keys;
        _recorded = recorded;
        KnownToCompile = Enumerable.Range(0, keys.Length).Where(d => recorded.Contains(keys[d])).ToHashSet();
    }

    public PolicyCatalog Catalog { get; }

    /// <summary>Indexes in <see cref="PolicyCatalog.Documents"/> of the documents that compiled
    /// without error on an earlier load, with the same file, vocabulary and compiler: their compile
    /// can wait until they are first needed, and cannot fail.</summary>
    public IReadOnlySet<int> KnownToCompile { get; }

    /// <summary>Records that every document of <see cref="Catalog"/> compiled without error: call it
    /// once the whole catalog compiled, the documents not known to compile among it, and never when
    /// the compile failed. The next load then knows them all. Does nothing without the cache, and
    /// when the cache folder cannot be written to (each load then compiles every document).</summary>
    public void RecordCompiled()
    {
        if (_root is null || _stamp is null) return;
        CompileRecord.Write(_root, _stamp, _keys, _recorded);
    }
}
