using Srdi.Application.Hosting;
using Srdi.Application.Profiles;
using Srdi.Application.Vocabulary;
using Srdi.Catalog.Loading;
using Srdi.Catalog.Testing;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;

namespace Srdi.Application;

/// <summary>The catalog loaded, validated and compiled once, with what every service reads from
/// it: the compiled rules, the profile reader and the wording. Immutable and safe to share
/// between threads; hosts get it through <see cref="SrdiServiceCollectionExtensions.AddSrdiNavigator"/>.</summary>
public sealed class PolicyNavigator
{
    private PolicyNavigator(string root, PolicyCatalog catalog, CompiledCatalog compiled)
    {
        Root = root;
        Catalog = catalog;
        Wording = new Wording(catalog.Vocabulary.Terms);
        Compiled = compiled;
        Profiles = new ProfileReader(catalog.Vocabulary);
    }

    public string Root { get; }
    public PolicyCatalog Catalog { get; }
    public CompiledCatalog Compiled { get; }
    public ProfileReader Profiles { get; }
    public Wording Wording { get; }

    /// <summary>Loads, validates and compiles the catalog at <paramref name="catalogPath"/>, or the
    /// one that ships with the program. Throws <see cref="Srdi.Model.Sources.CatalogException"/>
    /// naming the file and line at fault.</summary>
    /// <remarks>Every document is checked here, but one that compiled on an earlier load (same file,
    /// vocabulary and program) is compiled only when first evaluated: a national catalog's roster
    /// concerns a few areas' documents of thousands.</remarks>
    public static PolicyNavigator Open(string? catalogPath = null)
    {
        var root = CatalogLocation.Resolve(catalogPath);
        var loaded = CatalogLoader.LoadForCompiler(root, CompiledCatalog.CompilerBuild);
        var compiled = CompiledCatalog.Compile(loaded.Catalog, loaded.KnownToCompile);
        loaded.RecordCompiled();
        return new PolicyNavigator(root, loaded.Catalog, compiled);
    }

    public EvaluationReport Evaluate(EnterpriseProfile profile, DateOnly at, bool includeDrafts = false) =>
        Compiled.Evaluate(profile, at, includeDrafts);

    public Engine.Tiers.AssessmentReport Assess(EnterpriseProfile profile, DateOnly at) => Compiled.Assess(profile, at);

    public IReadOnlyList<RulesTestCase> LoadTests() => RulesTestLoader.LoadAll(Root, Catalog);

    public IReadOnlyList<AssessmentTestCase> LoadAssessmentTests() => AssessmentTestLoader.LoadAll(Root, Catalog);

    public Measure? FindMeasure(string id) => Catalog.Measures.FirstOrDefault(m => m.Id == id);

    public PolicyDocument DocumentOf(Measure measure) => Catalog.Documents.First(d => d.Id == measure.DocumentId);
}
