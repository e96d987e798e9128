package dev.headlesscrm.catalogue.api.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.catalogue.application.ProductCategoryInput;
import dev.headlesscrm.catalogue.application.ProductCategoryService;
import dev.headlesscrm.catalogue.application.ProductCategoryView;
import dev.headlesscrm.catalogue.application.ProductInput;
import dev.headlesscrm.catalogue.application.ProductService;
import dev.headlesscrm.catalogue.application.ProductView;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.graphql.Connection;
import dev.headlesscrm.platform.graphql.GraphQlInputs;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.query.ListQuery;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Products and product categories over GraphQL: the same services, filter language, permissions and
 * validation as REST; relations resolve one query per level.
 */
@GraphQLApi
@GraphQlProblems
public class ProductGraphQlApi {

  @Inject ProductService products;
  @Inject ProductCategoryService categories;
  @Inject ObjectMapper json;

  /** A page of products. */
  public static class ProductConnection extends Connection<ProductView> {
    ProductConnection(Page<ProductView> page) {
      super(page);
    }
  }

  /** A page of product categories. */
  public static class ProductCategoryConnection extends Connection<ProductCategoryView> {
    ProductCategoryConnection(Page<ProductCategoryView> page) {
      super(page);
    }
  }

  // --- Queries ----------------------------------------------------------------------------

  @Query("product")
  public ProductView product(@Id @NonNull String id) {
    return products.get(Ids.parse(id));
  }

  @Query("products")
  @Description(
      "Filter is the REST filter language, e.g. \"category.code==SOFTWARE;status==ACTIVE\".")
  public ProductConnection products(
      String filter, String q, List<String> sort, Integer first, String after, Boolean count) {
    return new ProductConnection(products.list(ListQuery.of(filter, q, sort, first, after, count)));
  }

  @Query("productCategory")
  public ProductCategoryView productCategory(@Id @NonNull String id) {
    return categories.get(Ids.parse(id));
  }

  @Query("productCategories")
  @Description("Filter is the REST filter language, e.g. \"parentId=isnull=true\" for the roots.")
  public ProductCategoryConnection productCategories(
      String filter, String q, List<String> sort, Integer first, String after, Boolean count) {
    return new ProductCategoryConnection(
        categories.list(ListQuery.of(filter, q, sort, first, after, count)));
  }

  // --- Mutations --------------------------------------------------------------------------

  @Mutation("createProduct")
  public ProductView createProduct(@NonNull ProductInput input) {
    return products.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("updateProduct")
  @Description(
      "Changes the fields given; fields left out or null stay as they are (clear them with REST"
          + " PATCH). expectedVersion guards against lost updates.")
  public ProductView updateProduct(
      @Id @NonNull String id, @NonNull ProductInput input, Long expectedVersion) {
    return products.update(Ids.parse(id), expectedVersion, GraphQlInputs.patch(json, input));
  }

  @Mutation("deleteProduct")
  public boolean deleteProduct(@Id @NonNull String id, Long expectedVersion) {
    products.delete(Ids.parse(id), expectedVersion);
    return true;
  }

  @Mutation("createProductCategory")
  public ProductCategoryView createProductCategory(@NonNull ProductCategoryInput input) {
    return categories.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("updateProductCategory")
  @Description(
      "Changes the fields given; fields left out or null stay as they are (clear them with REST"
          + " PATCH). expectedVersion guards against lost updates.")
  public ProductCategoryView updateProductCategory(
      @Id @NonNull String id, @NonNull ProductCategoryInput input, Long expectedVersion) {
    return categories.update(Ids.parse(id), expectedVersion, GraphQlInputs.patch(json, input));
  }

  @Mutation("deleteProductCategory")
  public boolean deleteProductCategory(@Id @NonNull String id, Long expectedVersion) {
    categories.delete(Ids.parse(id), expectedVersion);
    return true;
  }
}
