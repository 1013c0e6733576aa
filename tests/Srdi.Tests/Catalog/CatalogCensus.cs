using System.Text.RegularExpressions;

namespace Srdi.Tests.Catalog;

/// <summary>The catalog counted from its files by plain text, without the loader: one document per
/// folder under documents/, one measure per "- id:" item of its policy.yaml, its status from the
/// header. Tests compare the loaded catalog against this count, so that adding a document needs
/// no test edit while a loader that silently dropped a document or a measure still fails.</summary>
public static partial class CatalogCensus
{
    public sealed record DocumentCount(string Id, int Measures, bool Draft);

    [GeneratedRegex(@"^\s*-\s+id:\s*\S", RegexOptions.Multiline)]
    private static partial Regex MeasureItem();

    [GeneratedRegex(@"^\s+status:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex Status();

    public static IReadOnlyList<DocumentCount> Documents(string catalogRoot) =>
        Directory.GetDirectories(Path.Combine(catalogRoot, "documents"))
            .Order(StringComparer.Ordinal)
            .Select(folder =>
            {
                var text = File.ReadAllText(Path.Combine(folder, "policy.yaml"));
                var status = Status().Match(text);
                return new DocumentCount(Path.GetFileName(folder), MeasureItem().Count(text),
                    status.Success && status.Groups[1].Value == "draft");
            })
            .ToList();
}
