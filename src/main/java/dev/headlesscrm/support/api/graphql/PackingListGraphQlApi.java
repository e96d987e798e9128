package dev.headlesscrm.support.api.graphql;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.support.application.PackingListCommands;
import dev.headlesscrm.support.application.PackingListService;
import dev.headlesscrm.support.application.PackingListView;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Packing lists' shipping actions over GraphQL: the same service as REST. */
@GraphQLApi
@GraphQlProblems
public class PackingListGraphQlApi {

  @Inject PackingListService lists;

  @Mutation("packPackingList")
  @Description("DRAFT → PACKED")
  public PackingListView packPackingList(@Id @NonNull String id) {
    return lists.pack(Ids.parse(id));
  }

  @Mutation("shipPackingList")
  @Description("PACKED → SHIPPED, with the tracking number")
  public PackingListView shipPackingList(
      @Id @NonNull String id, PackingListCommands.Shipment input) {
    return lists.ship(Ids.parse(id), input);
  }

  @Mutation("deliverPackingList")
  @Description("SHIPPED → DELIVERED")
  public PackingListView deliverPackingList(@Id @NonNull String id) {
    return lists.deliver(Ids.parse(id));
  }

  @Mutation("returnPackingList")
  @Description("SHIPPED or DELIVERED → RETURNED: the shipment came back")
  public PackingListView returnPackingList(@Id @NonNull String id) {
    return lists.markReturned(Ids.parse(id));
  }
}
