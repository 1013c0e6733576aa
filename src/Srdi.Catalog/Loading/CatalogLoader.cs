using System.Runtime.ExceptionServices;
using Srdi.Catalog.Yaml;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Catalog.Loading;

/// <summary>Loads a catalog folder: the vocabulary, then every document folder in name order.</summary>
public static class CatalogLoader
{
    public const string PolicyFile = "policy.yaml";
    public const string TestsFile = "tests.yaml";
    public const string CriteriaFile = "criteria.yaml";

    /// <summary>Loads and validates the catalog under <paramref name="root"/>. Throws
    /// <see cref="CatalogException"/> naming the file, line and what was expected. The documents
    /// come from the catalog's cache where their files are unchanged (<paramref name="useCache"/>
    /// false parses every file, for measuring the parse); the result is the same either way.</summary>
    public static PolicyCatalog Load(string root, bool useCache = true) => LoadWithKeys(root, useCache).Catalog;

    /// <summary>Loads the catalog as <see cref="Load"/> does, to be compiled by the compiler of build
    /// <paramref name="compilerBuild"/>, and says which documents are known to compile: those that
    /// compiled without error on an earlier load with the same file, vocabulary and compiler
    /// (<see cref="CompileRecord"/>). None are without the cache.</summary>
    public static LoadedCatalog LoadForCompiler(string root, Guid compilerBuild, bool useCache = true)
    {
        if (!useCache) return new LoadedCatalog(Load(root, useCache: false));
        // Stamped before and after: a vocabulary edited while it loads gets no stamp, so nothing
        // compiled against one version is ever recorded under the other.
        var before = CompileRecord.Stamp(root, compilerBuild);
        var (catalog, keys) = LoadWithKeys(root, useCache: true);
        var stamp = before is not null && CompileRecord.Stamp(root, compilerBuild) is { } after && after.AsSpan().SequenceEqual(before) ? before : null;
        return stamp is null || keys is null ? new LoadedCatalog(catalog) : new LoadedCatalog(catalog, root, stamp, keys, CompileRecord.Read(root, stamp));
    }

    /// <summary>The catalog, and each document's cache key (null without the cache).</summary>
    private static (PolicyCatalog Catalog, string[]? Keys) LoadWithKeys(string root, bool useCache)
    {
        if (!Directory.Exists(root))
            throw new CatalogException(new SourceLocation(root, 0, 0), "找不到政策目录文件夹");
        var vocabularyRoot = Path.Combine(root, "vocabulary");
        var certificates = VocabularyLoader.LoadCertificates(Open(root, Path.Combine(vocabularyRoot, "certificates.yaml")));
        var facts = new Dictionary<string, FactDefinition>(StringComparer.Ordinal);
        foreach (var path in Files(Path.Combine(vocabularyRoot, "facts"), "*.yaml"))
            VocabularyLoader.LoadFacts(Open(root, path), facts);
        var parametersFile = Open(root, Path.Combine(vocabularyRoot, "parameters.yaml"));
        var parameters = VocabularyLoader.LoadParameters(parametersFile.RequireMap("parameters"));
        parametersFile.RejectUnknownKeys();

        var terms = VocabularyLoader.LoadTerms(Open(root, Path.Combine(vocabularyRoot, "terms.yaml")));

        var (documents, keys) = LoadDocuments(root, terms, useCache);
        var rulesets = new List<Model.Tiers.TierRuleset>();
        var criteriaRoot = Path.Combine(root, "criteria");
        if (Directory.Exists(criteriaRoot))
            foreach (var folder in Directory.GetDirectories(criteriaRoot).Order(StringComparer.Ordinal))
                rulesets.Add(RulesetLoader.Load(Open(root, Path.Combine(folder, CriteriaFile)), Path.GetFileName(folder)));
        var areasPath = Path.Combine(vocabularyRoot, "areas.yaml");
        var areas = File.Exists(areasPath) ? VocabularyLoader.LoadAreas(Open(root, areasPath)) : Gazetteer.Empty;
        var departmentsPath = Path.Combine(vocabularyRoot, "departments.yaml");
        var departments = File.Exists(departmentsPath) ? VocabularyLoader.LoadDepartments(Open(root, departmentsPath)) : DepartmentNames.Empty;
        return (new PolicyCatalog(new CatalogVocabulary(facts, certificates, parameters) { Areas = areas, Terms = terms, Departments = departments }, documents, rulesets), keys);
    }

    /// <summary>Every document folder, in name order. Each file is read, parsed and validated on its
    /// own, in parallel: a national catalog has thousands. A mistake is reported as a sequential
    /// load would report it: the first folder's in name order. A document whose file, folder and
    /// term codes are unchanged since the last load comes from the cache instead of its YAML.</summary>
    private static (List<PolicyDocument> Documents, string[]? Keys) LoadDocuments(string root, Terms terms, bool useCache)
    {
        var folders = Directory.GetDirectories(Path.Combine(root, "documents")).Order(StringComparer.Ordinal).ToArray();
        var documents = new PolicyDocument?[folders.Length];
        var stored = new (string Key, ReadOnlyMemory<byte> Stored)[folders.Length];
        var errors = new ExceptionDispatchInfo?[folders.Length];
        using var cache = useCache ? DocumentCache.Open(root) : null;
        var termsDigest = DocumentCache.TermsDigest(terms);
        Parallel.For(0, folders.Length, (i, state) =>
        {
            // A later folder's work is wasted once an earlier one failed; an earlier one still runs.
            if (state.ShouldExitCurrentIteration && state.LowestBreakIteration < i) return;
            var folder = folders[i];
            var name = Path.GetFileName(folder);
            try
            {
                var policy = Path.Combine(folder, PolicyFile);
                if (!File.Exists(policy))
                    throw new CatalogException(new SourceLocation(Display(root, folder), 0, 0), $"文件夹中缺少 {PolicyFile}");
                var display = Display(root, policy);
                // One read: the key is the hash of the very bytes parsed on a miss, so a file
                // edited while it loads is never cached under its earlier content.
                var (bytes, length) = YamlFile.RentBytes(policy, display);
                try
                {
                    var key = cache is null ? null : DocumentCache.KeyOf(termsDigest, display, name, bytes.AsSpan(0, length));
                    if (key is not null && cache!.Find(key, name) is var (document, kept))
                    {
                        documents[i] = document;
                        stored[i] = (key, kept);
                        return;
                    }
                    documents[i] = DocumentLoader.Load(YamlFile.ParseMap(YamlFile.Decode(bytes, length), display), name, terms);
                    if (key is not null) stored[i] = (key, DocumentCache.Store(documents[i]!));
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
                }
            }
            catch (Exception e)
            {
                errors[i] = ExceptionDispatchInfo.Capture(e);
                state.Break();
            }
        });
        errors.FirstOrDefault(e => e is not null)?.Throw();
        cache?.Save(stored);
        return (documents.Select(d => d!).ToList(), cache is null ? null : stored.Select(s => s.Key).ToArray());
    }

    /// <summary>Loads a single document file against an already loaded catalog's vocabulary:
    /// used by tests of broken files.</summary>
    public static PolicyDocument LoadDocument(string path, string displayPath, string expectedId, Terms terms) =>
        DocumentLoader.Load(YamlFile.LoadMap(path, displayPath), expectedId, terms);

    internal static YamlMap Open(string root, string path) => YamlFile.LoadMap(path, Display(root, path));

    internal static string Display(string root, string path)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(root)) ?? "";
        return Path.GetRelativePath(parent, Path.GetFullPath(path));
    }

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal) : [];
}
