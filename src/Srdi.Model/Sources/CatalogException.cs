namespace Srdi.Model.Sources;

/// <summary>The catalog cannot be loaded or compiled: the message names the file, the line and
/// what was expected.</summary>
public sealed class CatalogException(SourceLocation location, string message)
    : Exception(location.Line > 0 || location.File.Length > 0 ? $"{location}: {message}" : message)
{
    public SourceLocation Location { get; } = location;
    public string Reason { get; } = message;
}
