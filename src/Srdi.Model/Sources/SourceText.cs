namespace Srdi.Model.Sources;

/// <summary>Where a piece of catalog data was written: a file and a 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation None = new("", 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

/// <summary>A rule expression as the author wrote it, with where it was written, so that a
/// compile error can name the file and line.</summary>
public sealed record SourceText(string Text, SourceLocation Location)
{
    public override string ToString() => Text;
}
