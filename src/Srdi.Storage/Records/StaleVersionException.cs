using System.Globalization;

namespace Srdi.Storage.Records;

/// <summary>A change was made from a version that is no longer the current one: someone else
/// saved in between. Nothing was written; the person reloads and makes the change again.</summary>
public sealed class StaleVersionException(string enterpriseId, int expectedVersion, int currentVersion)
    : EnterpriseRecordException(enterpriseId, string.Create(CultureInfo.InvariantCulture,
        $"企业 {enterpriseId} 的档案已被他人修改：您的修改基于第 {expectedVersion} 版，当前已是第 {currentVersion} 版。本次修改未保存，请刷新后在最新版本上重新修改。"))
{
    public int ExpectedVersion { get; } = expectedVersion;
    public int CurrentVersion { get; } = currentVersion;
}
