using System.Text.Json;
using System.Text.Json.Nodes;

namespace Srdi.Web.Pages;

/// <summary>The example enterprises shipped beside the program (examples/*.json), offered as a
/// starting point on the pages that take a profile.</summary>
public static class ExampleProfiles
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "examples");

    /// <summary>A profile with every part present and nothing filled in.</summary>
    public const string Blank = """
        {
          "id": "",
          "name": "",
          "area": { "province": "", "city": "", "district": "", "since": "" },
          "certificates": [],
          "facts": {}
        }
        """;

    public static IReadOnlyList<Choice> List() => Files().Select(f => new Choice(f, Label(f))).ToList();

    /// <summary>The example's text, or null for a name that is not one of them (never a path elsewhere).</summary>
    public static string? Read(string file) =>
        Files().Contains(file, StringComparer.Ordinal) ? File.ReadAllText(Path.Combine(Folder, file)) : null;

    private static IEnumerable<string> Files() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];

    private static string Label(string file)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))?["name"]?.GetValue<string>() ?? file;
        }
        catch (JsonException)
        {
            return file;
        }
    }
}
