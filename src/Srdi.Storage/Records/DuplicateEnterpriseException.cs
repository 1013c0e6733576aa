namespace Srdi.Storage.Records;

/// <summary>A record with this id already exists: creating it again is refused (change it with a new version).</summary>
public sealed class DuplicateEnterpriseException(string enterpriseId)
    : EnterpriseRecordException(enterpriseId, $"企业 {enterpriseId} 已有档案，不能重复创建；如需修改，请在现有档案上提交新版本");
