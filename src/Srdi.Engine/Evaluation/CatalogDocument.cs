using System.Runtime.CompilerServices;
using Srdi.Model.Policies;

namespace Srdi.Engine.Evaluation;

/// <summary>A document of the compiled catalog: its place in the outcome buffer from the start, its
/// compiled rules either from the start or, for a document an earlier load found to compile, from
/// the first evaluation that needs them. A national catalog's roster concerns the documents of a
/// few areas; compiling the other thousands is most of its load.</summary>
internal sealed class CatalogDocument
{
    private readonly CatalogCompiler? _compiler;
    private readonly Lock? _compiling;
    private CompiledDocument? _compiled;

    /// <param name="compiled">The document compiled, or null to compile it with <paramref name="compiler"/> when first needed.</param>
    public CatalogDocument(PolicyDocument document, MeasureRange range, CompiledDocument? compiled, CatalogCompiler? compiler)
    {
        if (compiled is null && compiler is null) throw new ArgumentException("未编译的文件需要编译器", nameof(compiler));
        Document = document;
        Range = range;
        _compiled = compiled;
        if (compiled is null)
        {
            _compiler = compiler;
            _compiling = new Lock();
        }
    }

    public PolicyDocument Document { get; }

    /// <summary>Its measures' place in an outcome buffer.</summary>
    public MeasureRange Range { get; }

    public bool IsCompiled => Volatile.Read(ref _compiled) is not null;

    /// <summary>The compiled rules. Batch workers evaluate in parallel: the first to need a
    /// deferred document compiles it, once, and the others wait for it. Once compiled this is a
    /// single read, taken once per document evaluated, not once per measure.</summary>
    public CompiledDocument Compiled => Volatile.Read(ref _compiled) ?? CompileNow();

    // Kept out of the evaluation loop: it runs once per deferred document in a process.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private CompiledDocument CompileNow()
    {
        lock (_compiling!)
        {
            if (_compiled is { } done) return done;
            // Known to compile when loaded, so this throws only if the record of that lied (a
            // forged cache file): the error then names the file and line as an eager compile would.
            var compiled = _compiler!.CompileDocument(Document, Range.Start);
            Volatile.Write(ref _compiled, compiled);
            return compiled;
        }
    }
}
