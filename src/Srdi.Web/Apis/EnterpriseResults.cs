using System.Text.Json;
using Srdi.Storage.Records;

namespace Srdi.Web.Apis;

/// <summary>An enterprise's record: who it is, where it is registered, its current version, who
/// created it and who made the current version, and the current profile as it was stored.</summary>
public sealed record EnterpriseResult(
    string Id,
    string? Name,
    EnterpriseAreaResult Area,
    int Version,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset ChangedAt,
    string ChangedBy,
    JsonElement Profile)
{
    internal static EnterpriseResult From(EnterpriseRecord r) =>
        new(r.Id, r.Name, new EnterpriseAreaResult(r.Province, r.City, r.District), r.Version, r.CreatedAt, r.CreatedBy, r.ChangedAt, r.ChangedBy, Json(r.ProfileJson));

    internal static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

public sealed record EnterpriseAreaResult(string? Province, string? City, string? District);

/// <summary>One version of a profile: its number, who saved it, when, why, and the profile as stored.</summary>
public sealed record ProfileVersionResult(string EnterpriseId, int Number, string ChangedBy, DateTimeOffset ChangedAt, string? Note, JsonElement Profile)
{
    internal static ProfileVersionResult From(ProfileVersionRecord v) =>
        new(v.EnterpriseId, v.Number, v.ChangedBy, v.ChangedAt, v.Note, EnterpriseResult.Json(v.ProfileJson));
}
