using Srdi.Application.Profiles;
using Srdi.Application.Text;
using Srdi.Model.Profiles;
using Srdi.Storage.Records;

namespace Srdi.Web.Pages.Enterprises;

/// <summary>One version of a stored record read back as a profile, for the pages of one
/// enterprise. Access has been checked by <see cref="Accounts.EnterpriseAccessPageFilter"/>
/// before any page of the folder runs.</summary>
public sealed record StoredEnterprise(EnterpriseRecord Record, ProfileVersionRecord Version, EnterpriseProfile? Profile, string? Problem)
{
    public string Title => Record.Name ?? Record.Id;

    /// <summary>The version (the current one when <paramref name="number"/> is null), or null
    /// when the record or that version does not exist.</summary>
    public static async Task<StoredEnterprise?> LoadAsync(EnterpriseRecords records, ProfileReader profiles, string id, int? number, CancellationToken cancellationToken)
    {
        if (await records.GetAsync(id, cancellationToken) is not { } record) return null;
        if (await records.GetVersionAsync(id, number ?? record.Version, cancellationToken) is not { } version) return null;
        try
        {
            return new StoredEnterprise(record, version, profiles.ReadText(version.ProfileJson), null);
        }
        catch (ProfileException e)
        {
            // Stored when valid; the catalog's vocabulary has changed since.
            return new StoredEnterprise(record, version, null, $"该版本的档案不再符合当前的档案格式（{e.Path}：{e.Reason}），请修改档案后保存为新版本。");
        }
    }

    /// <summary>The evaluation date a page was asked for (YYYY-MM-DD), else today.</summary>
    public static DateOnly DateOr(string? text, TimeProvider clock) =>
        IsoDate.TryParse(text, out var at) ? at : DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
