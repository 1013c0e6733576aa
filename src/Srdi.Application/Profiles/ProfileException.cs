namespace Srdi.Application.Profiles;

/// <summary>A profile is refused: <see cref="Path"/> is the JSON path of the offending field.</summary>
public sealed class ProfileException(string path, string reason) : Exception($"{path}: {reason}")
{
    public string Path { get; } = path;
    public string Reason { get; } = reason;
}
