using Srdi.Application;
using Srdi.Application.Checking;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Srdi.Catalog.Loading;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;
using Srdi.Model.Sources;
using Srdi.Tests.Application;
using Xunit;

namespace Srdi.Tests.Catalog;

/// <summary>A document that compiled on an earlier load, against the same vocabulary and compiler,
/// is compiled only when an evaluation first needs it (.cache/compiled.bin). That changes when the
/// work is done, never what is found: every compile error is still reported when the catalog is
/// opened, naming the same file and line, and a deferred document evaluates as an eager one.</summary>
public sealed class DeferredCompileTests
{
    private static readonly DateOnly At = new(2025, 6, 1);

    // An unknown fact in a rule of 深圳 (draft), line 272: a compile error, not a load error.
    private const string Rule = "rule: industrial_rd_project\n";
    private const string MisspeltRule = "rule: industrial_rd_projekt\n";

    private static string ErrorWithoutTheCache(CatalogCopy copy) =>
        Assert.Throws<CatalogException>(() => CompiledCatalog.Compile(CatalogLoader.Load(copy.Root, useCache: false))).Message;

    private static string OpenFails(CatalogCopy copy) => Assert.Throws<CatalogException>(() => PolicyNavigator.Open(copy.Root)).Message;

    private static string[] Compiled(PolicyNavigator navigator) =>
        navigator.Catalog.Documents.Where(d => navigator.Compiled.IsCompiled(d.Id)).Select(d => d.Id).ToArray();

    [Fact]
    public void CompileError_IsReportedWhenOpened_OnTheFirstLoadAndTheNext()
    {
        using var copy = new CatalogCopy();
        copy.Edit("documents/shenzhen-draft/policy.yaml", Rule, MisspeltRule);
        var expected = ErrorWithoutTheCache(copy);
        Assert.Contains("shenzhen-draft/policy.yaml:272", expected, StringComparison.Ordinal);

        Assert.Equal(expected, OpenFails(copy));
        Assert.Equal(expected, OpenFails(copy));
        // A document that failed is never recorded as compiling.
        var loaded = CatalogLoader.LoadForCompiler(copy.Root, CompiledCatalog.CompilerBuild);
        Assert.DoesNotContain(IndexOf(loaded.Catalog, "shenzhen-draft"), loaded.KnownToCompile);
    }

    [Fact]
    public void CompileError_IntroducedAfterASuccessfulLoad_IsReportedWhenOpened()
    {
        using var copy = new CatalogCopy();
        PolicyNavigator.Open(copy.Root);
        Assert.Empty(Compiled(PolicyNavigator.Open(copy.Root)));

        copy.Edit("documents/shenzhen-draft/policy.yaml", Rule, MisspeltRule);
        var expected = ErrorWithoutTheCache(copy);
        Assert.Equal(expected, OpenFails(copy));
        Assert.Equal(expected, OpenFails(copy));

        // Mended back to the very bytes that compiled before, it waits again.
        copy.Edit("documents/shenzhen-draft/policy.yaml", MisspeltRule, Rule);
        Assert.Empty(Compiled(PolicyNavigator.Open(copy.Root)));
    }

    [Fact]
    public void ChangedVocabulary_ReportsTheErrorOfADocumentThatCompiledBefore_WhenOpened()
    {
        // The fact a cached, compiled document names is renamed in the vocabulary: the document's
        // file is unchanged, and its compile must still fail when the catalog is opened, not when
        // an enterprise of 深圳 is first evaluated.
        using var copy = new CatalogCopy();
        PolicyNavigator.Open(copy.Root);
        Assert.Empty(Compiled(PolicyNavigator.Open(copy.Root)));

        copy.Edit("vocabulary/facts/shenzhen-draft.yaml", "  industrial_rd_project:", "  industrial_rd_projekt:");
        var expected = ErrorWithoutTheCache(copy);
        Assert.Contains("shenzhen-draft/policy.yaml:272", expected, StringComparison.Ordinal);
        Assert.Contains("industrial_rd_project", expected, StringComparison.Ordinal);
        Assert.Equal(expected, OpenFails(copy));
        Assert.Equal(expected, OpenFails(copy));
    }

    [Fact]
    public void AnyVocabularyFileChanged_CompilesEveryDocumentNow()
    {
        using var copy = new CatalogCopy();
        PolicyNavigator.Open(copy.Root);
        File.AppendAllText(copy.PathOf("vocabulary/areas.yaml"), "\n# 注释也算\n");
        var navigator = PolicyNavigator.Open(copy.Root);
        Assert.Equal(navigator.Catalog.Documents.Select(d => d.Id), Compiled(navigator));
        Assert.Empty(Compiled(PolicyNavigator.Open(copy.Root)));
    }

    [Fact]
    public void DeferredDocuments_EvaluateAsEagerOnes()
    {
        // Opened with a warm cache every document waits; loaded without it every one compiles now.
        using var copy = new CatalogCopy();
        PolicyNavigator.Open(copy.Root);
        var deferred = PolicyNavigator.Open(copy.Root);
        Assert.Empty(Compiled(deferred));
        var eager = CompiledCatalog.Compile(CatalogLoader.Load(copy.Root, useCache: false));

        var profiles = Profiles(deferred.Profiles);
        Assert.True(profiles.Count > 50, $"只有 {profiles.Count} 份档案");
        // The fast path first, so that it is the one that compiles the documents.
        var deferredOutcomes = deferred.Compiled.NewOutcomes();
        var eagerOutcomes = eager.NewOutcomes();
        foreach (var (profile, at, _) in profiles)
        {
            deferred.Compiled.Evaluate(deferred.Compiled.Record(profile), at, deferredOutcomes);
            eager.Evaluate(eager.Record(profile), at, eagerOutcomes);
            Assert.Equal(eagerOutcomes.All.ToArray(), deferredOutcomes.All.ToArray());
            Assert.Equal(eagerOutcomes.Evaluated.ToArray(), deferredOutcomes.Evaluated.ToArray());
            Assert.Equal(eager.TotalsOf(eagerOutcomes), deferred.Compiled.TotalsOf(deferredOutcomes));
        }
        Assert.NotEmpty(Compiled(deferred));

        foreach (var (profile, at, drafts) in profiles)
        {
            var vocabulary = deferred.Catalog.Vocabulary;
            Assert.Equal(EvaluationJson.Write(eager.Evaluate(profile, at, drafts), vocabulary),
                EvaluationJson.Write(deferred.Compiled.Evaluate(profile, at, drafts), vocabulary));
        }
    }

    [Fact]
    public void DeferredDocuments_PassEveryRulesTest()
    {
        using var copy = new CatalogCopy();
        PolicyNavigator.Open(copy.Root);
        var navigator = PolicyNavigator.Open(copy.Root);
        Assert.Empty(Compiled(navigator));
        var runner = new RulesTestRunner(navigator);
        var failures = navigator.LoadTests().Select(runner.Run).Where(r => !r.Passed).SelectMany(r => r.Failures).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void ManyThreads_NeedingOneDeferredDocument_CompileItOnce_AndAgree()
    {
        var catalog = RealCatalog.Navigator.Catalog;
        var profile = RealCatalog.Navigator.Profiles.ReadFile(Example("nanshan-little-giant.json"));
        var eager = CompiledCatalog.Compile(catalog);
        var expected = eager.NewOutcomes();
        eager.Evaluate(eager.Record(profile), At, expected);
        var every = Enumerable.Range(0, catalog.Documents.Count).ToHashSet();
        const int Threads = 12;
        for (var round = 0; round < 20; round++)
        {
            var deferred = CompiledCatalog.Compile(catalog, every);
            Assert.Equal(0, deferred.DeferredCompilations);
            using var start = new Barrier(Threads);
            var results = new MeasureOutcome[Threads][];
            var errors = new Exception?[Threads];
            var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                try
                {
                    var record = deferred.Record(profile);
                    var outcomes = deferred.NewOutcomes();
                    start.SignalAndWait();
                    deferred.Evaluate(record, At, outcomes);
                    results[t] = outcomes.All.ToArray();
                }
                catch (Exception e)
                {
                    errors[t] = e;
                }
            })).ToArray();
            foreach (var worker in workers) worker.Start();
            foreach (var worker in workers) worker.Join();

            Assert.All(errors, e => Assert.Null(e));
            Assert.All(results, r => Assert.Equal(expected.All.ToArray(), r));
            var compiled = catalog.Documents.Count(d => deferred.IsCompiled(d.Id));
            Assert.True(deferred.IsCompiled("sz-nanshan-2024"));
            Assert.False(deferred.IsCompiled("xiamen-2024"));
            Assert.Equal(compiled, deferred.DeferredCompilations);
        }
    }

    private static int IndexOf(PolicyCatalog catalog, string documentId) =>
        catalog.Documents.Select((d, i) => (d, i)).Single(x => x.d.Id == documentId).i;

    private static string Example(string name) => Path.Combine(RealCatalog.RepositoryRoot, "examples", name);

    /// <summary>The example profiles and every rules test's profile, with their dates.</summary>
    private static List<(EnterpriseProfile Profile, DateOnly At, bool IncludeDrafts)> Profiles(ProfileReader reader)
    {
        var profiles = Directory.GetFiles(Path.Combine(RealCatalog.RepositoryRoot, "examples"), "*.json").Order(StringComparer.Ordinal)
            .Select(path => (reader.ReadFile(path), At, true)).ToList();
        foreach (var test in RealCatalog.Navigator.LoadTests())
        {
            try
            {
                profiles.Add((reader.Read(test.Profile), test.At, test.IncludeDrafts));
            }
            catch (ProfileException)
            {
                // A rules test of an invalid profile: nothing to evaluate.
            }
        }
        return profiles;
    }
}
