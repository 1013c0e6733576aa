using System.Text.Json;
using CsCheck;
using Srdi.Catalog.Loading;
using Srdi.Application;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Tests.Application;
using Xunit;

namespace Srdi.Tests.Catalog;

/// <summary>The cache of parsed documents beside a catalog changes how fast a catalog loads, never
/// what it loads: every property of every record read back equals the YAML's, an edit or a new
/// term list reparses, and a damaged, foreign or unwritable cache is only ignored.</summary>
public sealed class DocumentCacheTests
{
    // Every public property of every record, reflected: a field the codec forgets differs here.
    private static readonly JsonSerializerOptions Everything = new() { WriteIndented = false };

    private static string Json(PolicyCatalog catalog) => JsonSerializer.Serialize(catalog.Documents, Everything);

    private static string CachePath(CatalogCopy copy) => DocumentCache.PathIn(copy.Root);

    private static string RecordPath(CatalogCopy copy) => CompileRecord.PathIn(copy.Root);

    /// <summary>Loads and compiles as <see cref="PolicyNavigator.Open"/> does, and says which
    /// documents the load knew to compile.</summary>
    private static int[] OpenKnowing(CatalogCopy copy, Guid? compilerBuild = null)
    {
        var loaded = CatalogLoader.LoadForCompiler(copy.Root, compilerBuild ?? CompiledCatalog.CompilerBuild);
        CompiledCatalog.Compile(loaded.Catalog, loaded.KnownToCompile);
        loaded.RecordCompiled();
        return [.. loaded.KnownToCompile.Order()];
    }

    [Fact]
    public void EveryDocument_ReadsBackFromItsBytes_AsTheLoaderBuiltIt()
    {
        foreach (var document in RealCatalog.Navigator.Catalog.Documents)
        {
            var decoded = DocumentCodec.Decode(DocumentCodec.Encode(document));
            Assert.Equal(JsonSerializer.Serialize(document, Everything), JsonSerializer.Serialize(decoded, Everything));
        }
    }

    [Fact]
    public void SecondLoad_ComesFromTheCache_AndEqualsTheYaml()
    {
        using var copy = new CatalogCopy();
        Assert.False(File.Exists(CachePath(copy)));
        var parsed = CatalogLoader.Load(copy.Root, useCache: false);
        Assert.False(File.Exists(CachePath(copy)));

        var first = CatalogLoader.Load(copy.Root);
        Assert.True(File.Exists(CachePath(copy)));
        var written = File.GetLastWriteTimeUtc(CachePath(copy));
        var second = CatalogLoader.Load(copy.Root);

        Assert.Equal(Json(parsed), Json(first));
        Assert.Equal(Json(parsed), Json(second));
        // Nothing changed, so the file is not written again.
        Assert.Equal(written, File.GetLastWriteTimeUtc(CachePath(copy)));
    }

    [Fact]
    public void CachedEntry_IsWhatAnUnchangedFileLoadsFrom()
    {
        // A cache whose entry for the unchanged 厦门 file holds another title: the load reads the
        // entry, which is how a warm load skips the YAML.
        using var copy = new CatalogCopy();
        var catalog = CatalogLoader.Load(copy.Root);
        var xiamen = catalog.Documents.Single(d => d.Id == "xiamen-2024");
        var forged = DocumentCodec.Encode(xiamen with { Title = "缓存中的标题" });
        var key = DocumentCache.KeyOf(DocumentCache.TermsDigest(catalog.Vocabulary.Terms), xiamen.Location.File, xiamen.Id,
            File.ReadAllBytes(copy.PathOf("documents/xiamen-2024/policy.yaml")));
        var cache = DocumentCache.Open(copy.Root);
        cache.Save([(key, forged)]);

        Assert.Equal("缓存中的标题", CatalogLoader.Load(copy.Root).Documents.Single(d => d.Id == "xiamen-2024").Title);
    }

    [Fact]
    public void EditedFile_IsParsedAgain_AndCachedAsEdited()
    {
        using var copy = new CatalogCopy();
        CatalogLoader.Load(copy.Root);
        copy.Edit("documents/xiamen-2024/policy.yaml", "title: 构建梯度培育体系", "title: 构建梯度培育体系（修订）");

        var edited = CatalogLoader.Load(copy.Root);
        Assert.Equal("构建梯度培育体系（修订）", edited.Measures.Single(m => m.Id == "xiamen-2024.1").Title);
        Assert.Equal(Json(CatalogLoader.Load(copy.Root, useCache: false)), Json(CatalogLoader.Load(copy.Root)));
    }

    [Fact]
    public void FileBrokenAfterCaching_FailsAsWithoutACache()
    {
        using var copy = new CatalogCopy();
        CatalogLoader.Load(copy.Root);
        copy.Edit("documents/xiamen-2024/policy.yaml", "title: 构建梯度培育体系", "titel: 构建梯度培育体系");

        var cached = Assert.Throws<CatalogException>(() => CatalogLoader.Load(copy.Root));
        var parsed = Assert.Throws<CatalogException>(() => CatalogLoader.Load(copy.Root, useCache: false));
        Assert.Equal(parsed.Message, cached.Message);
        Assert.Contains("缺少必填字段 \"title\"", cached.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedTermList_ReparsesTheDocumentsThatUseIt()
    {
        // A category removed from terms.yaml: a document that still names it must fail to load,
        // although its own file is unchanged since it was cached.
        using var copy = new CatalogCopy();
        var catalog = CatalogLoader.Load(copy.Root);
        var category = catalog.Measures.First().Category;
        var terms = copy.PathOf("vocabulary/terms.yaml");
        var lines = File.ReadAllLines(terms).ToList();
        var at = lines.FindIndex(l => l.TrimStart().StartsWith(category + ":", StringComparison.Ordinal));
        Assert.True(at >= 0, $"terms.yaml 中找不到 {category}");
        lines.RemoveAt(at);
        File.WriteAllLines(terms, lines);

        var cached = Assert.Throws<CatalogException>(() => CatalogLoader.Load(copy.Root));
        var parsed = Assert.Throws<CatalogException>(() => CatalogLoader.Load(copy.Root, useCache: false));
        Assert.Equal(parsed.Message, cached.Message);
    }

    [Fact]
    public void CompileError_InACachedDocument_NamesTheSameFileAndLine()
    {
        using var copy = new CatalogCopy();
        copy.Edit("documents/shenzhen-draft/policy.yaml", "rule: industrial_rd_project\n", "rule: industrial_rd_projekt\n");
        var parsed = Assert.Throws<CatalogException>(() => CompiledCatalog.Compile(CatalogLoader.Load(copy.Root, useCache: false)));
        CatalogLoader.Load(copy.Root);
        var cached = Assert.Throws<CatalogException>(() => CompiledCatalog.Compile(CatalogLoader.Load(copy.Root)));
        Assert.Equal(parsed.Message, cached.Message);
        Assert.Contains("policy.yaml:272", cached.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DamagedCache_IsIgnoredAndRewritten()
    {
        using var copy = new CatalogCopy();
        var expected = Json(CatalogLoader.Load(copy.Root, useCache: false));
        CatalogLoader.Load(copy.Root);
        var good = File.ReadAllBytes(CachePath(copy));
        byte[][] damaged =
        [
            [],
            good[..(good.Length / 2)],
            good[..^1],
            [.. good, 0],
            Flip(good, good.Length / 3),
            Flip(good, 40),
            "not a cache at all"u8.ToArray(),
        ];
        foreach (var bytes in damaged)
        {
            File.WriteAllBytes(CachePath(copy), bytes);
            Assert.Equal(expected, Json(CatalogLoader.Load(copy.Root)));
            Assert.Equal(good, File.ReadAllBytes(CachePath(copy)));
        }
    }

    [Fact]
    public void UnwritableCache_StillLoads()
    {
        // A file where the cache folder would be: nothing can be written, the catalog still loads,
        // and every document is compiled when it is opened.
        using var copy = new CatalogCopy();
        File.WriteAllText(copy.PathOf(DocumentCache.FolderName), "");
        var expected = Json(CatalogLoader.Load(copy.Root, useCache: false));
        Assert.Equal(expected, Json(CatalogLoader.Load(copy.Root)));
        Assert.Equal(expected, Json(CatalogLoader.Load(copy.Root)));
        Assert.Empty(OpenKnowing(copy));
        Assert.Empty(OpenKnowing(copy));
        Assert.Empty(Directory.GetFiles(copy.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void CompiledDocuments_AreKnownOnTheNextLoad_UnlessTheirFileChanged()
    {
        using var copy = new CatalogCopy();
        Assert.Empty(OpenKnowing(copy));
        Assert.True(File.Exists(RecordPath(copy)));
        var written = File.GetLastWriteTimeUtc(RecordPath(copy));
        var every = Enumerable.Range(0, CatalogLoader.Load(copy.Root).Documents.Count).ToArray();
        Assert.Equal(every, OpenKnowing(copy));
        // Nothing new compiled, so the record is not written again.
        Assert.Equal(written, File.GetLastWriteTimeUtc(RecordPath(copy)));

        copy.Edit("documents/xiamen-2024/policy.yaml", "title: 构建梯度培育体系", "title: 构建梯度培育体系（修订）");
        var xiamen = CatalogLoader.Load(copy.Root).Documents.Select((d, i) => (d.Id, i)).Single(x => x.Id == "xiamen-2024").i;
        Assert.Equal(every.Where(d => d != xiamen), OpenKnowing(copy));
        Assert.Equal(every, OpenKnowing(copy));
    }

    [Fact]
    public void WithoutTheCache_NoDocumentIsKnownToCompile()
    {
        using var copy = new CatalogCopy();
        OpenKnowing(copy);
        var loaded = CatalogLoader.LoadForCompiler(copy.Root, CompiledCatalog.CompilerBuild, useCache: false);
        Assert.Empty(loaded.KnownToCompile);
        File.Delete(RecordPath(copy));
        loaded.RecordCompiled();
        Assert.False(File.Exists(RecordPath(copy)));
    }

    [Fact]
    public void DamagedOrForeignCompileRecord_CompilesEveryDocument_AndIsRewritten()
    {
        using var copy = new CatalogCopy();
        OpenKnowing(copy);
        var good = File.ReadAllBytes(RecordPath(copy));
        byte[][] damaged =
        [
            [],
            good[..(good.Length / 2)],
            good[..^1],
            [.. good, 0],
            Flip(good, good.Length / 2),
            Flip(good, 12), // the stamp
            "not a record at all"u8.ToArray(),
        ];
        foreach (var bytes in damaged)
        {
            File.WriteAllBytes(RecordPath(copy), bytes);
            Assert.Empty(OpenKnowing(copy));
            Assert.Equal(good, File.ReadAllBytes(RecordPath(copy)));
        }

        // Written by another build of the compiler: its record means nothing to this one.
        Assert.Empty(OpenKnowing(copy, Guid.NewGuid()));
        Assert.NotEqual(good, File.ReadAllBytes(RecordPath(copy)));
        Assert.Empty(OpenKnowing(copy));
        Assert.Equal(good, File.ReadAllBytes(RecordPath(copy)));
    }

    [Fact]
    public void RemovedDocument_LeavesTheCache()
    {
        using var copy = new CatalogCopy();
        CatalogLoader.Load(copy.Root);
        var before = new FileInfo(CachePath(copy)).Length;
        Directory.Delete(copy.PathOf("documents/shenzhen-draft"), recursive: true);
        var catalog = CatalogLoader.Load(copy.Root);
        Assert.DoesNotContain(catalog.Documents, d => d.Id == "shenzhen-draft");
        Assert.True(new FileInfo(CachePath(copy)).Length < before);
    }

    [Fact]
    public void DecodingAnyBytes_EitherGivesADocumentOrRefusesThem()
    {
        var encoded = DocumentCodec.Encode(RealCatalog.Navigator.Catalog.Documents.Single(d => d.Id == "xiamen-2024"));
        Gen.Select(Gen.Int[0, encoded.Length - 1], Gen.Byte, Gen.Int[0, encoded.Length]).Sample((at, value, length) =>
        {
            var bytes = encoded[..length];
            if (at < bytes.Length) bytes[at] = value;
            try
            {
                DocumentCodec.Decode(bytes);
            }
            catch (FormatException)
            {
            }
        }, iter: 2000);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0x5A;
        return copy;
    }
}
