package dev.headlesscrm.support.api.graphql;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.support.application.ProductDefectService;
import dev.headlesscrm.support.application.ProductDefectView;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Product defects' status actions over GraphQL: the same service as REST. */
@GraphQLApi
@GraphQlProblems
public class ProductDefectGraphQlApi {

  @Inject ProductDefectService defects;

  @Mutation("confirmProductDefect")
  @Description("REPORTED, FIXED or CLOSED → CONFIRMED")
  public ProductDefectView confirmProductDefect(@Id @NonNull String id) {
    return defects.confirm(Ids.parse(id));
  }

  @Mutation("startFixingProductDefect")
  @Description("CONFIRMED → FIXING")
  public ProductDefectView startFixingProductDefect(@Id @NonNull String id) {
    return defects.startFix(Ids.parse(id));
  }

  @Mutation("markProductDefectFixed")
  @Description("FIXING → FIXED, in fixedInVersion")
  public ProductDefectView markProductDefectFixed(
      @Id @NonNull String id, @Name("fixedInVersion") String fixedInVersion) {
    return defects.markFixed(Ids.parse(id), fixedInVersion);
  }

  @Mutation("closeProductDefect")
  @Description("REPORTED or FIXED → CLOSED")
  public ProductDefectView closeProductDefect(@Id @NonNull String id) {
    return defects.close(Ids.parse(id));
  }
}
