using System.Globalization;
namespace Srdi.Model.Policies;

/// <summary>The dates a document is in force, both ends inclusive (Chinese policy text means
/// "至2026年12月31日" inclusively). A null end is not given by the text: open on that side.
/// Each end keeps the sentence it was derived from.</summary>
public sealed record Validity(DateOnly? From, string FromBasis, DateOnly? To, string ToBasis)
{
    public bool Contains(DateOnly date) =>
        (From is null || From.Value <= date) && (To is null || date <= To.Value);

    public override string ToString() => $"{From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "未载明"} 至 {To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "未载明"}";
}
