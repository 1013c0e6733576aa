using System.Text;

namespace Srdi.Model.Vocabulary;

/// <summary>The one rule that turns an enum value into the code programs read and catalog files
/// write: its name in lower kebab case (NeedsInfo → needs-info, UpTo → up-to, True → true).
/// Every list of codes in vocabulary/terms.yaml is checked against it, so a code is never
/// spelled twice.</summary>
public static class Codes
{
    public static string Of<T>(T value) where T : struct, Enum => Cache<T>.Words[value];

    /// <summary>Every code of an enum, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Cache<T>.Ordered;

    public static bool TryParse<T>(string code, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (Of(v) != code) continue;
            value = v;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>"NotInForce" → "not-in-force".</summary>
    public static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Words = Enum.GetValues<T>().ToDictionary(v => v, v => Kebab(v.ToString()));
        public static readonly IReadOnlyList<string> Ordered = Enum.GetValues<T>().Select(v => Words[v]).ToList();
    }
}
